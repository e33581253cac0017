import os from 'node:os';

export interface MachineFacts {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  /** 1-minute load average when the run started: other work on the machine slows every figure. */
  loadAtStart: number;
}

export function machineFacts(): MachineFacts {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    loadAtStart: os.loadavg()[0],
  };
}
