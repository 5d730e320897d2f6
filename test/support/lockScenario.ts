// A script of Web Locks calls, run against chromium's navigator.locks (test/e2e/webLocks.e2e.test.ts)
// and against FakeLockManager (test/unit/tabs/FakeLockManager.test.ts): both must write the same
// trace, LOCK_SCENARIO_TRACE. It covers what webLocksRefreshLock relies on: grants in request
// order, `signal` withdrawing a queued request, `steal` robbing the holder (whose request rejects
// with an AbortError), query()'s held and pending with each tab's clientId, and release when the
// callback's promise settles. Self-contained (no imports): the e2e test serves it to the page.

/** Two or more LockManagers of one browser, each a different tab (clientId). */
export async function lockScenario(locks: LockManager[]): Promise<string[]> {
  const [first, second] = locks as [LockManager, LockManager];
  const name = `scenario-${Math.random().toString(36).slice(2)}`;
  const trace: string[] = [];
  let pendingEvents: string[] = [];
  const event = (text: string) => pendingEvents.push(text);
  const tabs = new Map<string | undefined, string>();
  const tab = (clientId: string | undefined) => {
    if (!tabs.has(clientId)) tabs.set(clientId, `tab${tabs.size}`);
    return tabs.get(clientId)!;
  };
  // By name, not instanceof: in a browser the errors come from each frame's own realm.
  const describe = (error: unknown) => (typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : String(error));
  /** Lets every grant and settlement of the step happen, then records them (in a stable order) and the lock's state. */
  const step = async (label: string) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { held = [], pending = [] } = await first.query();
    const mine = (infos: LockInfo[]) => infos.filter((info) => info.name === name).map((info) => `${info.mode} ${tab(info.clientId)}`);
    trace.push(`${label}: ${[...pendingEvents].sort().join(', ') || '-'} | held [${mine(held).join(', ')}] pending [${mine(pending).join(', ')}]`);
    pendingEvents = [];
  };
  const settle = (label: string, request: Promise<unknown>) =>
    request.then(
      (value) => event(`${label} resolved ${String(value)}`),
      (error: unknown) => event(`${label} rejected ${describe(error)}`),
    );

  // tab0 takes the free lock; it is held until the test lets go.
  let releaseA: (value: string) => void = () => {};
  settle('A', first.request(name, (lock) => {
    event(`A granted ${lock?.mode}`);
    return new Promise<string>((resolve) => (releaseA = resolve));
  }));
  await step('1 free lock');

  // tab1 queues twice; the second request is withdrawn by its signal.
  let releaseB: (value: string) => void = () => {};
  settle('B', second.request(name, (lock) => {
    event(`B granted ${lock?.mode}`);
    return new Promise<string>((resolve) => (releaseB = resolve));
  }));
  const controller = new AbortController();
  const reason = new Error('left refreshing');
  second.request(name, { signal: controller.signal }, () => event('C granted')).then(
    () => event('C resolved'),
    (error: unknown) => event(error === reason ? 'C rejected with the abort reason' : `C rejected ${describe(error)}`),
  );
  await step('2 queued');
  controller.abort(reason);
  await step('3 aborted while queued');

  // Requests that cannot be made.
  const late = new Error('already aborted');
  second.request(name, { signal: AbortSignal.abort(late) }, () => event('D granted')).then(
    () => event('D resolved'),
    (error: unknown) => event(error === late ? 'D rejected with the abort reason' : `D rejected ${describe(error)}`),
  );
  settle('E', second.request(name, { steal: true, signal: new AbortController().signal }, () => event('E granted')));
  await step('4 refused requests');

  // tab1 steals: granted at once, ahead of its own queued request; tab0's request rejects.
  let releaseF: (value: string) => void = () => {};
  settle('F', second.request(name, { steal: true }, (lock) => {
    event(`F granted ${lock?.mode}`);
    return new Promise<string>((resolve) => (releaseF = resolve));
  }));
  await step('5 stolen');
  // The robbed callback finishing later changes nothing.
  releaseA('late');
  await step('6 robbed holder finishes');
  releaseF('F done');
  await step('7 thief releases');
  releaseB('B done');
  await step('8 last holder releases');

  // A callback that throws: its request rejects with that error, and the lock is free again.
  settle('G', first.request(name, () => {
    throw new TypeError('callback failed');
  }));
  await step('9 callback throws');
  return trace;
}

/** What the Web Locks spec (https://w3c.github.io/web-locks/) has the scenario write. */
export const LOCK_SCENARIO_TRACE = [
  '1 free lock: A granted exclusive | held [exclusive tab0] pending []',
  '2 queued: - | held [exclusive tab0] pending [exclusive tab1, exclusive tab1]',
  '3 aborted while queued: C rejected with the abort reason | held [exclusive tab0] pending [exclusive tab1]',
  '4 refused requests: D rejected with the abort reason, E rejected NotSupportedError | held [exclusive tab0] pending [exclusive tab1]',
  '5 stolen: A rejected AbortError, F granted exclusive | held [exclusive tab1] pending [exclusive tab1]',
  '6 robbed holder finishes: - | held [exclusive tab1] pending [exclusive tab1]',
  '7 thief releases: B granted exclusive, F resolved F done | held [exclusive tab1] pending []',
  '8 last holder releases: B resolved B done | held [] pending []',
  '9 callback throws: G rejected TypeError | held [] pending []',
];
