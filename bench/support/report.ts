// The comparison lines every bench prints: a measured figure against the design target (and a baseline).

export type Goal = 'at least' | 'under';

export function compareWithTarget(label: string, measured: number, goal: Goal, target: number, unit: string): void {
  const met = goal === 'at least' ? measured >= target : measured < target;
  const ratio = goal === 'at least' ? measured / target : target / measured;
  console.log(
    `${label}: ${format(measured)} ${unit} vs target ${goal} ${format(target)} ${unit} -> ${met ? 'MET' : 'MISSED'} (${ratio.toFixed(2)}x of target)`,
  );
}

export function compareWithBaseline(label: string, measured: number, baselineLabel: string, baseline: number, unit: string): void {
  console.log(`${label}: ${format(measured)} ${unit} = ${((measured / baseline) * 100).toFixed(1)}% of ${baselineLabel} (${format(baseline)} ${unit})`);
}

function format(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
}
