import { afterEach, describe, expect, it } from 'vitest';
import { KEY, oneTabOfTwo, serializeStored, tokensIssuedAgo } from '../../support/twoTabWorld.js';

// Another tab stored a session and said so (`updated`, with what it stored): this tab takes it
// as it is when usable, refreshes it when its tokens have expired, and refuses only the very
// sign-in its own user just ended here (a refresh there that crossed the sign-out).

const running: ReturnType<typeof oneTabOfTwo>[] = [];
afterEach(() => {
  for (const world of running.splice(0)) world.auth.stop();
});

/** A tab signed in with 1-hour tokens issued 10 minutes ago (user `demo`, refresh token `.refresh.1.`). */
async function signedInTab() {
  const world = oneTabOfTwo({ stored: tokensIssuedAgo(600, { serial: 1 }) });
  running.push(world);
  await world.settle();
  expect(world.snapshot().matches('signedIn')).toBe(true);
  return world;
}

describe('a session stored by another tab', () => {
  it('usable: this tab now uses its tokens', async () => {
    const world = await signedInTab();
    const theirs = tokensIssuedAgo(5, { serial: 2 });
    world.deliver({ kind: 'updated', stored: world.storeFromOtherTab(theirs) });
    await world.settle();
    expect(world.snapshot().matches('signedIn')).toBe(true);
    expect(world.snapshot().context.session?.tokens.idToken).toBe(theirs.idToken);
  });

  it('with expired tokens, announced before this tab sees the write: refreshed with the refresh token the message carries', async () => {
    const world = await signedInTab();
    // The other tab signed out (clearing storage), then stored a session whose tokens have
    // expired; its message arrives before this tab's copy of storage shows the write.
    world.storage.removeItem(KEY);
    world.deliver({ kind: 'ended', reason: 'user' });
    await world.settle();
    world.deliver({ kind: 'updated', stored: serializeStored(tokensIssuedAgo(3700, { serial: 2 })) });
    await world.settle();
    world.lock.grant();
    await world.settle();
    expect(world.spent).toEqual([expect.stringContaining('.refresh.2.')]);
    expect(world.snapshot().matches('signedIn')).toBe(true);
  });

  it("after a sign-out here, another user's sign-in is taken, even one made the same second as the ended one", async () => {
    const world = await signedInTab();
    world.cognito.on('RevokeToken', () => ({}));
    await world.auth.signOut();
    const otherUser = tokensIssuedAgo(600, { serial: 2, sub: '99999999-8888-7777-6666-555555555555', username: 'other' });
    world.deliver({ kind: 'updated', stored: world.storeFromOtherTab(otherUser) });
    await world.settle();
    expect(world.snapshot().matches('signedIn')).toBe(true);
    expect(world.auth.user()).toMatchObject({ username: 'other' });
  });
});
