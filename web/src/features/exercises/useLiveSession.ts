import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { applyFrame, initialLiveState, type LiveState, type ServerFrame } from './liveState.ts';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'refused';

/** The answer to a frame sent with a requestId: `ack`, or the server's error (code, message, place). */
export type LiveAnswer =
  { ok: true; frame: Record<string, unknown> } | { ok: false; code: string; message: string; field?: string };

interface Pending {
  resolve: (answer: LiveAnswer) => void;
}

/** The session's live URL on this site: the browser sends the session cookie and its own Origin with it. */
function liveUrl(sessionId: string, after: number): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = after > 0 ? `?after=${after}` : '';
  return `${scheme}://${window.location.host}/api/exercise-sessions/${encodeURIComponent(sessionId)}/live${query}`;
}

/**
 * A live exercise session over the WebSocket (docs/exercises.md § Live session): the state is rebuilt from the
 * frames (liveState.ts), a dropped connection reconnects with `after` = the last seq seen, so it loses nothing;
 * `send` returns the server's ack or error for that frame.
 */
export function useLiveSession(sessionId: string) {
  const [state, dispatch] = useReducer(applyFrame, initialLiveState);
  const [connection, setConnection] = useState<Connection>('connecting');
  const socketRef = useRef<WebSocket | null>(null);
  const lastSeq = useRef(0);
  const pending = useRef(new Map<string, Pending>());
  const counter = useRef(0);

  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const connect = () => {
      const socket = new WebSocket(liveUrl(sessionId, lastSeq.current));
      socketRef.current = socket;
      let opened = false;
      socket.onopen = () => {
        opened = true;
        attempts = 0;
        setConnection('open');
      };
      socket.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as ServerFrame;
        if (frame.type === 'event') lastSeq.current = Math.max(lastSeq.current, frame.event.seq);
        if (frame.type === 'synced') lastSeq.current = Math.max(lastSeq.current, frame.lastSeq);
        if ((frame.type === 'ack' || frame.type === 'error') && frame.requestId) {
          const waiting = pending.current.get(frame.requestId);
          pending.current.delete(frame.requestId);
          const place =
            frame.type === 'error' ? (frame.error.place as { field?: string } | undefined) : undefined;
          waiting?.resolve(
            frame.type === 'ack'
              ? { ok: true, frame }
              : { ok: false, code: frame.error.code, message: frame.error.message, field: place?.field },
          );
        }
        dispatch(frame);
      };
      socket.onclose = () => {
        socketRef.current = null;
        for (const [, p] of pending.current)
          p.resolve({ ok: false, code: 'disconnected', message: 'the connection closed' });
        pending.current.clear();
        if (stopped) return;
        // Refused before opening (no part in the exercise, a hidden session): try a few times, then say so.
        if (!opened && ++attempts > 3) {
          setConnection('refused');
          return;
        }
        setConnection('reconnecting');
        retry = setTimeout(connect, Math.min(500 * 2 ** attempts, 5000));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socketRef.current?.close();
    };
  }, [sessionId]);

  const send = useCallback((frame: Record<string, unknown>): Promise<LiveAnswer> => {
    const socket = socketRef.current;
    if (!socket || socket.readyState !== WebSocket.OPEN)
      return Promise.resolve({ ok: false, code: 'disconnected', message: 'not connected' });
    const requestId = `r${++counter.current}`;
    return new Promise((resolve) => {
      pending.current.set(requestId, { resolve });
      socket.send(JSON.stringify({ ...frame, requestId }));
    });
  }, []);

  return { state: state as LiveState, connection, send };
}
