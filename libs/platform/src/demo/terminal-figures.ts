import type { SalesFigures, SimulationReport } from '@posledger/terminal-simulator';

/** The simulator's figures per terminal, added up over several runs on the same terminals. */
export class TerminalFigures {
  private readonly figures = new Map<string, { merchantId: string; count: number; gross: bigint; voids: bigint; refunds: bigint }>();

  add(report: SimulationReport): void {
    for (const [merchantId, totals] of Object.entries(report.totals)) {
      for (const [terminalId, f] of Object.entries(totals.byTerminal) as [string, SalesFigures][]) {
        const current = this.figures.get(terminalId) ?? { merchantId, count: 0, gross: 0n, voids: 0n, refunds: 0n };
        this.figures.set(terminalId, {
          merchantId,
          count: current.count + f.count,
          gross: current.gross + BigInt(f.gross),
          voids: current.voids + BigInt(f.voids),
          refunds: current.refunds + BigInt(f.refunds),
        });
      }
    }
  }

  entries(): [string, { merchantId: string; count: number; gross: bigint; voids: bigint; refunds: bigint }][] {
    return [...this.figures];
  }
}
