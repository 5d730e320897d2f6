import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { KEY, oneTabOfTwo, tokensIssuedAgo } from '../../support/twoTabWorld.js';

// The double-checked read: once a tab has the refresh lock it reads storage again, because the
// tab that held the lock before may have refreshed meanwhile. These cases grant the lock BEFORE
// the other tab's message arrives (in Chromium the grant comes ~1 ms after the holder lets go,
// the message 4–5 ms later), so storage alone must decide, through the real restore.

const running: ReturnType<typeof oneTabOfTwo>[] = [];
afterEach(() => {
  for (const world of running.splice(0)) world.auth.stop();
});

/** A tab signed in with 1-hour tokens issued 10 minutes ago, then asked to refresh. */
async function tabWaitingForTheLock(ownAgeSeconds = 600) {
  const world = oneTabOfTwo({ stored: tokensIssuedAgo(ownAgeSeconds, { serial: 1 }) });
  running.push(world);
  await world.settle();
  expect(world.snapshot().matches('signedIn')).toBe(true);
  world.auth.actor.send({ type: 'REFRESH' });
  await world.settle();
  expect(world.snapshot().matches({ refreshing: { locked: 'waitingForLock' } })).toBe(true);
  return world;
}

const idOf = (world: ReturnType<typeof oneTabOfTwo>) => world.snapshot().context.session?.tokens.idToken;

describe('after the lock, storage decides', () => {
  it("adopts another tab's fresh tokens without asking Cognito", async () => {
    const world = await tabWaitingForTheLock();
    const theirs = tokensIssuedAgo(5, { serial: 2 });
    world.storeFromOtherTab(theirs);
    world.lock.grant();
    await world.settle();

    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
    expect(idOf(world)).toBe(theirs.idToken);
    expect(world.spent).toEqual([]);
    expect(world.lock.released).toBe(1);
    // Nothing to tell the others: they have it already.
    expect(world.posted).toEqual([]);
  });

  // Due but usable: unexpired, yet within the refresh lead (here by the access token alone,
  // whose validity the app client set shorter). Adopting it would only refresh again at once; the
  // tab refreshes now, with the refresh token the other tab left (its own may be rotated away).
  it.each([
    ['both tokens', { lifetimeSeconds: 3600 }, 3600 - 30],
    ['the access token alone', { idLifetimeSeconds: 86_400, accessLifetimeSeconds: 300 }, 300 - 30],
  ])("refreshes with the other tab's refresh token when its tokens are usable but due (%s)", async (_, lifetimes, ageSeconds) => {
    const world = await tabWaitingForTheLock();
    const theirs = tokensIssuedAgo(ageSeconds, { serial: 2, ...lifetimes });
    world.storeFromOtherTab(theirs);
    world.lock.grant();
    await world.settle();

    expect(world.spent).toEqual([theirs.refreshToken]);
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
    expect(world.storage.getItem(KEY)).toContain(world.snapshot().context.session!.tokens.refreshToken);
    expect(world.posted.map((message) => message.kind)).toEqual(['refreshing', 'updated']);
    expect(world.snapshot().context.refreshCount).toBe(1);
  });

  it("refreshes with the other tab's refresh token when its tokens have expired", async () => {
    const world = await tabWaitingForTheLock();
    const theirs = tokensIssuedAgo(7200, { serial: 2 });
    world.storeFromOtherTab(theirs);
    world.lock.grant();
    await world.settle();

    expect(world.spent).toEqual([theirs.refreshToken]);
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
  });

  it('refreshes with its own refresh token when storage still holds its own tokens', async () => {
    const world = await tabWaitingForTheLock();
    const own = world.snapshot().context.session!;
    world.lock.grant();
    await world.settle();

    expect(world.spent).toHaveLength(1);
    expect(world.spent[0]).toContain('.refresh.1.');
    expect(idOf(world)).not.toBe(own.tokens.idToken);
  });

  it('refreshes although its own stored tokens are fresh: a refresh was asked for (a 401), not due', async () => {
    const world = await tabWaitingForTheLock(5);
    world.lock.grant();
    await world.settle();
    expect(world.spent).toHaveLength(1);
    expect(world.snapshot().context.refreshCount).toBe(1);
  });

  it.each([
    ['nothing (a sign-out whose message is still on its way)', null],
    ['data it cannot read', '{"version":1,"idToken":"x"}'],
  ])('refreshes with its own refresh token when storage holds %s', async (_, raw) => {
    const world = await tabWaitingForTheLock();
    if (raw === null) world.storage.removeItem(KEY);
    else world.storage.setItem(KEY, raw);
    world.lock.grant();
    await world.settle();
    expect(world.spent).toHaveLength(1);
    expect(world.spent[0]).toContain('.refresh.1.');
  });
});

describe('a refusal is checked against storage too', () => {
  it("takes the other tab's fresh tokens when Cognito refused this tab's spent refresh token", async () => {
    const world = await tabWaitingForTheLock();
    world.cognito.on('GetTokensFromRefreshToken', (input) => {
      world.spent.push(input.RefreshToken!);
      // The other tab rotated the token just before; its tokens land in storage as the refusal comes.
      world.storeFromOtherTab(tokensIssuedAgo(0, { serial: 3 }));
      throw new AuthError('refreshRejected', 'Refresh token has been reused.', { cognitoName: 'RefreshTokenReuseException' });
    });
    world.lock.grant();
    await world.settle();

    expect(world.spent).toHaveLength(1);
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
    expect(idOf(world)).toBe(tokensIssuedAgo(0, { serial: 3 }).idToken);
    expect(world.posted.map((message) => message.kind)).toEqual(['refreshing', 'refreshFailed']);
  });

  it('ends the session when storage holds nothing better', async () => {
    const world = await tabWaitingForTheLock();
    world.cognito.on('GetTokensFromRefreshToken', () => {
      throw new AuthError('refreshRejected', 'Refresh token has been revoked', { cognitoName: 'NotAuthorizedException' });
    });
    world.lock.grant();
    await world.settle();

    expect(world.snapshot().matches('expired')).toBe(true);
    expect(world.snapshot().context.endReason).toBe('expired');
    expect(world.storage.getItem(KEY)).toBeNull();
    expect(world.posted.at(-1)).toEqual({ kind: 'ended', reason: 'expired' });
  });
});

// The tab that held the lock announced its refresh ("refreshing") and let go before its outcome
// reached this tab: storage cannot tell yet, so the tab granted the lock waits for the news.
describe("after the lock, another tab's announced refresh is waited for", () => {
  /** Signed in, told that another tab is refreshing, then asked to refresh and granted the lock. */
  async function grantedAfterNews(newsAgeMs = 0) {
    const world = oneTabOfTwo({ stored: tokensIssuedAgo(600, { serial: 1 }) });
    running.push(world);
    await world.settle();
    world.deliver({ kind: 'refreshing' });
    world.clock.increment(newsAgeMs);
    world.auth.actor.send({ type: 'REFRESH' });
    await world.settle();
    world.lock.grant();
    await world.settle();
    return world;
  }

  it("takes the other tab's tokens from its `updated` message, without a refresh of its own", async () => {
    const world = await grantedAfterNews();
    expect(world.snapshot().matches({ refreshing: { locked: 'awaitingOtherTab' } })).toBe(true);
    const theirs = tokensIssuedAgo(0, { serial: 2 });
    const stored = world.storeFromOtherTab(theirs);
    world.deliver({ kind: 'updated', stored });
    await world.settle();
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
    expect(idOf(world)).toBe(theirs.idToken);
    expect(world.spent).toEqual([]);
    expect(world.snapshot().context.otherTabRefreshingSince).toBeNull();
  });

  it('refreshes itself once the other tab says its refresh failed', async () => {
    const world = await grantedAfterNews();
    world.deliver({ kind: 'refreshFailed' });
    await world.settle();
    expect(world.spent).toHaveLength(1);
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
    expect(world.snapshot().context.otherTabRefreshingSince).toBeNull();
  });

  it('waits 2 s at most for news that never comes (that tab died mid-refresh), then refreshes', async () => {
    const world = await grantedAfterNews();
    world.clock.increment(1_999);
    await world.settle();
    expect(world.spent).toEqual([]);
    world.clock.increment(1);
    await world.settle();
    expect(world.spent).toHaveLength(1);
    expect(world.snapshot().value).toEqual({ signedIn: 'idle' });
  });

  it('does not wait for an announcement older than the lock timeout: that refresh is long over', async () => {
    // The lock timeout is 2 × the 10 s request timeout + 5 s.
    const stale = await grantedAfterNews(25_000);
    expect(stale.spent).toHaveLength(1);
    const recent = await grantedAfterNews(24_999);
    expect(recent.spent).toEqual([]);
    expect(recent.snapshot().matches({ refreshing: { locked: 'awaitingOtherTab' } })).toBe(true);
  });

  it("forgets the announcement when that tab's failure is heard before the lock is granted", async () => {
    const world = oneTabOfTwo({ stored: tokensIssuedAgo(600, { serial: 1 }) });
    running.push(world);
    await world.settle();
    world.deliver({ kind: 'refreshing' });
    expect(world.snapshot().context.otherTabRefreshingSince).toBe(world.clock.now());
    world.deliver({ kind: 'refreshFailed' });
    expect(world.snapshot().context.otherTabRefreshingSince).toBeNull();
    world.auth.actor.send({ type: 'REFRESH' });
    await world.settle();
    world.lock.grant();
    await world.settle();
    expect(world.spent).toHaveLength(1);
  });
});
