/** SYNTHETIC data at real scale for benchmarks and demos (BACI-format trade), never real figures. */
export * from './baci.ts';
export * from './supplyNetwork.ts';
