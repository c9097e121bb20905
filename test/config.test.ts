import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cliActor,
  databaseUrl,
  ewsIntervalSeconds,
  resolveAnalyticsUrl,
  resolveDataDir,
  serverHost,
  serverPort,
  smtpRelay,
} from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { ChokepointError } from '../src/errors.ts';
import { openTestState } from './helpers/stateDbs.ts';
import { tempDir } from './helpers/tmp.ts';

/** The environment read in src/config.ts: defaults, empty values, and bad values refused by name. */
const names = [
  'CHOKEPOINT_DATA_DIR',
  'DATABASE_URL',
  'PORT',
  'HOST',
  'CHOKEPOINT_EWS_INTERVAL_SECONDS',
  'CHOKEPOINT_SMTP_HOST',
  'CHOKEPOINT_SMTP_PORT',
  'CHOKEPOINT_SMTP_FROM',
  'USER',
  'CHOKEPOINT_ANALYTICS_URL',
];
const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));

function set(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

function refusal(read: () => unknown): ChokepointError {
  try {
    read();
  } catch (error) {
    if (error instanceof ChokepointError) return error;
    throw error;
  }
  throw new Error('expected the value to be refused');
}

describe('configuration from the environment', () => {
  afterEach(() => set(saved));

  it('the analytics engine: --analytics first, else CHOKEPOINT_ANALYTICS_URL, else none (embedded DuckDB)', () => {
    const url = 'clickhouse://127.0.0.1:8123,127.0.0.1:8124/chokepoint?cluster=chokepoint';
    set({ CHOKEPOINT_ANALYTICS_URL: undefined });
    expect(resolveAnalyticsUrl()).toBeUndefined();
    set({ CHOKEPOINT_ANALYTICS_URL: '' });
    expect(resolveAnalyticsUrl()).toBeUndefined();
    set({ CHOKEPOINT_ANALYTICS_URL: ` ${url} ` });
    expect(resolveAnalyticsUrl()).toBe(url);
    expect(resolveAnalyticsUrl('clickhouse://ch.example:8123/db')).toBe('clickhouse://ch.example:8123/db');
  });

  it('gives the documented defaults when a variable is unset or empty', () => {
    set({
      CHOKEPOINT_DATA_DIR: '',
      DATABASE_URL: '',
      PORT: undefined,
      HOST: '',
      CHOKEPOINT_EWS_INTERVAL_SECONDS: undefined,
      CHOKEPOINT_SMTP_HOST: undefined,
      USER: '',
    });
    expect(resolveDataDir()).toBe(path.resolve('data'));
    expect(databaseUrl()).toBeUndefined();
    expect(serverPort()).toBe(8080);
    expect(serverHost()).toBe('127.0.0.1');
    expect(ewsIntervalSeconds()).toBe(900);
    expect(smtpRelay()).toBeUndefined();
    expect(cliActor()).toBe('cli');
  });

  it('reads the values given', () => {
    set({
      PORT: '9090',
      CHOKEPOINT_EWS_INTERVAL_SECONDS: '0',
      CHOKEPOINT_SMTP_HOST: 'relay.example',
      CHOKEPOINT_SMTP_PORT: '2525',
      CHOKEPOINT_SMTP_FROM: undefined,
      USER: 'hanako',
    });
    expect(serverPort()).toBe(9090);
    expect(ewsIntervalSeconds()).toBe(0);
    expect(smtpRelay()).toEqual({ host: 'relay.example', port: 2525, from: 'ews@localhost' });
    expect(cliActor()).toBe('hanako');
  });

  it('refuses a bad number with an error naming the variable', () => {
    set({
      PORT: '80a',
      CHOKEPOINT_EWS_INTERVAL_SECONDS: '-5',
      CHOKEPOINT_SMTP_HOST: 'relay',
      CHOKEPOINT_SMTP_PORT: '25.5',
    });
    const port = refusal(serverPort);
    expect(port.code).toBe('bad_input');
    expect(port.place).toEqual({ field: 'PORT' });
    expect(port.message).toBe('PORT must be a whole number from 0 to 65535, not "80a"');
    expect(refusal(ewsIntervalSeconds).place.field).toBe('CHOKEPOINT_EWS_INTERVAL_SECONDS');
    expect(refusal(smtpRelay).message).toBe(
      'CHOKEPOINT_SMTP_PORT must be a whole number from 1 to 65535, not "25.5"',
    );
  });

  it('stops the server from starting on a bad early-warning interval, naming the variable', async () => {
    set({ CHOKEPOINT_EWS_INTERVAL_SECONDS: 'often' });
    const state = await openTestState('pglite');
    try {
      await expect(buildApp({ dataDir: tempDir(), webDir: false, state })).rejects.toMatchObject({
        code: 'bad_input',
        place: { field: 'CHOKEPOINT_EWS_INTERVAL_SECONDS' },
      });
    } finally {
      await state.close();
    }
  });
});
