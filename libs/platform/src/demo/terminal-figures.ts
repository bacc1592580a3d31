import type { SalesFigures, SimulationReport } from '@posledger/terminal-simulator';

export interface TerminalBook {
  readonly merchantId: string;
  readonly currency: string;
  readonly count: number;
  readonly gross: bigint;
  readonly tips: bigint;
  readonly voids: bigint;
  readonly refunds: bigint;
  readonly offlineDeclined: bigint;
}

/** The simulator's figures per terminal, added up over several runs on the same terminals. */
export class TerminalFigures {
  private readonly figures = new Map<string, TerminalBook>();

  add(report: SimulationReport): void {
    for (const [merchantId, totals] of Object.entries(report.totals)) {
      for (const [terminalId, f] of Object.entries(totals.byTerminal) as [string, SalesFigures][]) {
        const current = this.figures.get(terminalId) ?? { merchantId, currency: totals.currency, count: 0, gross: 0n, tips: 0n, voids: 0n, refunds: 0n, offlineDeclined: 0n };
        this.figures.set(terminalId, {
          ...current,
          count: current.count + f.count,
          gross: current.gross + BigInt(f.gross),
          tips: current.tips + BigInt(f.tips),
          voids: current.voids + BigInt(f.voids),
          refunds: current.refunds + BigInt(f.refunds),
          offlineDeclined: current.offlineDeclined + BigInt(f.offlineDeclined),
        });
      }
    }
  }

  entries(): [string, TerminalBook][] {
    return [...this.figures];
  }

  /** Gross per currency over every terminal: amounts of different currencies are never added together. */
  grossByCurrency(): Map<string, bigint> {
    const gross = new Map<string, bigint>();
    for (const book of this.figures.values()) gross.set(book.currency, (gross.get(book.currency) ?? 0n) + book.gross);
    return gross;
  }
}
