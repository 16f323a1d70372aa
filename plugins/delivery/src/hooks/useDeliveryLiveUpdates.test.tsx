import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { ReactNode } from 'react';
import { useDeliveryLiveUpdates } from './useDeliveryLiveUpdates';

type JsonObject = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/** The app's signals API as a channel switchboard (what the signals plugin's client does). */
function signalsSwitchboard() {
  const listeners = new Map<string, Set<(m: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      set.add(onMessage as (m: JsonObject) => void);
      listeners.set(channel, set);
      return {
        unsubscribe: () => set.delete(onMessage as (m: JsonObject) => void),
      };
    },
  };
  const send = (channel: string, message: JsonObject) =>
    act(() => listeners.get(channel)?.forEach(l => l(message)));
  return { api, send, listeners };
}

const ref = 'component:default/xposer';
const refresh = { type: 'refresh', change: 'push', environments: ['staging'] };

describe('useDeliveryLiveUpdates', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refetches once per burst of signals on the entity channel, not on others', () => {
    const signals = signalsSwitchboard();
    const refetch = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals.api]]}>
        {children}
      </TestApiProvider>
    );
    const { result, unmount } = renderHook(
      () => useDeliveryLiveUpdates(ref, refetch),
      { wrapper },
    );
    expect(result.current.live).toBe(true);

    signals.send(`delivery:entity:${ref}`, refresh);
    signals.send(`delivery:entity:${ref}`, {
      ...refresh,
      change: 'pull-request',
    });
    signals.send('delivery:entity:component:default/other', refresh);
    act(() => jest.advanceTimersByTime(249));
    expect(refetch).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(refetch).toHaveBeenCalledTimes(1);

    // no polling while signals work
    act(() => jest.advanceTimersByTime(10 * 60_000));
    expect(refetch).toHaveBeenCalledTimes(1);

    unmount();
    expect(signals.listeners.get(`delivery:entity:${ref}`)?.size).toBe(0);
  });

  it('refetches 250 ms after the first signal of a burst; later signals do not push it back', () => {
    const signals = signalsSwitchboard();
    const refetch = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals.api]]}>
        {children}
      </TestApiProvider>
    );
    const { unmount } = renderHook(() => useDeliveryLiveUpdates(ref, refetch), {
      wrapper,
    });
    const channel = `delivery:entity:${ref}`;
    signals.send(channel, { ...refresh, change: 'pull-request' });
    act(() => jest.advanceTimersByTime(200));
    signals.send(channel, refresh); // the merge's push, 200 ms later
    act(() => jest.advanceTimersByTime(50));
    expect(refetch).toHaveBeenCalledTimes(1);
    // a signal after that refetch started schedules the next one
    signals.send(channel, { ...refresh, change: 'jenkins-run' });
    act(() => jest.advanceTimersByTime(250));
    expect(refetch).toHaveBeenCalledTimes(2);
    // a pending refetch is dropped on unmount
    signals.send(channel, refresh);
    unmount();
    act(() => jest.advanceTimersByTime(1_000));
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('polls instead when the app has no signals API', () => {
    const refetch = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(
      () => useDeliveryLiveUpdates(ref, refetch, { pollIntervalMs: 30_000 }),
      { wrapper },
    );
    expect(result.current.live).toBe(false);
    act(() => jest.advanceTimersByTime(29_999));
    expect(refetch).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => jest.advanceTimersByTime(60_000));
    expect(refetch).toHaveBeenCalledTimes(3);
  });
});
