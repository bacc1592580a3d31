import { RecordTerminalEventsService } from './record-terminal-events/record-terminal-events.service';

export const commandHandlers = [RecordTerminalEventsService];
