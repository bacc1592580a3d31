import { OpenDisputeService, ResolveDisputeService, SubmitDisputeEvidenceService } from './disputes/dispute.services';
import { ExpireHoldsService } from './expire-holds/expire-holds.service';
import { RecordTerminalEventsService } from './record-terminal-events/record-terminal-events.service';
import { SkipExpiredGapsService } from './skip-expired-gaps/skip-expired-gaps.service';

export const commandHandlers = [RecordTerminalEventsService, SkipExpiredGapsService, ExpireHoldsService, OpenDisputeService, ResolveDisputeService, SubmitDisputeEvidenceService];
