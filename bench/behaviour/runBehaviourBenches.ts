import { measureRefreshEconomy, type RefreshEconomyRow } from './measureRefreshEconomy.js';
import { measureRestore, type RestoreResult } from './measureRestore.js';
import { measureSignInOverhead, type SignInOverheadResult } from './measureSignInOverhead.js';
import { measureSrpProof, type SrpProofResult } from './measureSrpProof.js';

export interface BehaviourResults {
  restore: RestoreResult;
  refreshEconomy: RefreshEconomyRow[];
  signInOverhead: SignInOverheadResult;
  srpProof: SrpProofResult;
}

/** The Node-side behaviour benches against one running cognito-local, one after another. */
export async function runBehaviourBenches(cognitoEndpoint: string, log: (line: string) => void): Promise<BehaviourResults> {
  const restore = await measureRestore(cognitoEndpoint, 50);
  log(`behaviour: restore median ${restore.medianMs.toFixed(2)} ms, ${restore.fetchCalls} network calls`);
  const refreshEconomy = await measureRefreshEconomy(cognitoEndpoint, [10, 100, 1000]);
  log(`behaviour: refresh economy ${refreshEconomy.map((row) => `${row.concurrentCalls}→${row.refreshCalls}`).join(', ')}`);
  const signInOverhead = await measureSignInOverhead(cognitoEndpoint, 30);
  log(`behaviour: sign-in ${signInOverhead.authchartMedianMs.toFixed(1)} ms vs bare ${signInOverhead.bareMedianMs.toFixed(1)} ms`);
  const srpProof = await measureSrpProof(30);
  log(`behaviour: SRP proof ${srpProof.authchartMs.toFixed(1)} ms vs Amplify ${srpProof.amplifyMs.toFixed(1)} ms`);
  return { restore, refreshEconomy, signInOverhead, srpProof };
}
