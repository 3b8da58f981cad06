import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MALLOC_ENV } from '../helpers/service-process.ts';

interface Package {
  engines?: { node?: string };
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
}

const read = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/**
 * Whether a dependency's `engines.node` range admits a Node major version: each alternative is
 * either ">= N…" (N and later) or "N…" / "^N…" (that major), the forms the lockfile holds.
 */
const admits = (range: string, major: number) =>
  range.split('||').some((alternative) => {
    const atLeast = /^\s*>=\s*(\d+)/.exec(alternative);
    if (atLeast) return major >= Number(atLeast[1]);
    const exactly = /^\s*\^?(\d+)/.exec(alternative);
    return exactly !== null && major === Number(exactly[1]);
  });

const declaredMajor = () => {
  const declared = read<{ engines: { node: string } }>('package.json').engines.node;
  return Number(/^>=(\d+)$/.exec(declared)?.[1]);
};

describe('the Node version S2S declares', () => {
  it('is one every library it runs with supports', () => {
    const major = declaredMajor();
    expect(major).toBeGreaterThan(0);
    const { packages } = read<{ packages: Record<string, Package> }>('package-lock.json');
    const refusing = Object.entries(packages)
      .filter(([name, p]) => name && p.engines?.node && !p.dev && !p.devOptional && !p.optional)
      .filter(([, p]) => !admits(p.engines!.node!, major))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} wants Node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it('is the one the container image runs', () => {
    const images = [...fs.readFileSync('Dockerfile', 'utf8').matchAll(/^FROM node:(\d+)/gm)].map((m) =>
      Number(m[1]),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toBe(declaredMajor());
  });
});

describe('how the service is started', () => {
  /** The variables an `ENV` line of the Dockerfile sets, or a command sets before `node`. */
  const assignments = (text: string) =>
    Object.fromEntries([...text.matchAll(/\b(MALLOC_[A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));

  it('gives glibc the same malloc settings in `npm start`, the image and the tests and benchmarks', () => {
    const start = read<{ scripts: { start: string } }>('package.json').scripts.start;
    const image = fs
      .readFileSync('Dockerfile', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('ENV '))
      .join('\n');
    expect(Object.keys(MALLOC_ENV).length).toBeGreaterThan(0);
    expect(assignments(start)).toEqual(MALLOC_ENV);
    expect(assignments(image)).toEqual(MALLOC_ENV);
  });
});
