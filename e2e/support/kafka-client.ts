// Talks to the broker directly with kafkajs, around the platform: a raw produce, the dead-letter topic as it
// is on the broker, and which consumer-group member holds which partitions.
import { randomUUID } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel, type IHeaders } from 'kafkajs';

export interface RawMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface GroupMember {
  readonly memberId: string;
  readonly clientHost: string;
  readonly partitions: readonly number[];
}

const kafkaOf = (brokers: readonly string[]): Kafka => new Kafka({ clientId: 'kafka-e2e', brokers: [...brokers], logLevel: logLevel.NOTHING });

export async function produceRaw(brokers: readonly string[], topic: string, message: RawMessage): Promise<void> {
  const producer = kafkaOf(brokers).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: message.key, value: message.value, headers: { ...message.headers } }] });
  } finally {
    await producer.disconnect();
  }
}

/** Reads the topic from the beginning (a throw-away group) until a message matches; rejects after timeoutMs. */
export async function waitForMessage(brokers: readonly string[], topic: string, matches: (message: RawMessage) => boolean, timeoutMs = 60_000): Promise<RawMessage> {
  const consumer = kafkaOf(brokers).consumer({ groupId: `kafka-e2e-reader-${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await new Promise<RawMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const raw = { key: message.key?.toString('utf8') ?? '', value: message.value?.toString('utf8') ?? '', headers: textHeaders(message.headers) };
            if (!matches(raw)) return;
            clearTimeout(timer);
            resolve(raw);
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

/** The group's current members that hold partitions of the topic, with those partitions. */
export async function groupMembersOn(brokers: readonly string[], groupId: string, topic: string): Promise<GroupMember[]> {
  const admin = kafkaOf(brokers).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups.flatMap((group) =>
      group.members.flatMap((member) => {
        const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        const partitions = assignment?.assignment[topic] ?? [];
        return partitions.length > 0 ? [{ memberId: member.memberId, clientHost: member.clientHost, partitions: [...partitions].sort((a, b) => a - b) }] : [];
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/** The group's committed offset per partition of the topic (-1 when nothing was committed). */
export async function committedOffsets(brokers: readonly string[], groupId: string, topic: string): Promise<Map<number, bigint>> {
  const admin = kafkaOf(brokers).admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset)]));
  } finally {
    await admin.disconnect();
  }
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
