import { createSocket, type Socket } from 'node:dgram';

export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** A real DNS server on loopback that answers SRV queries from a table; anything else is NXDOMAIN. */
export interface DnsSrvServer {
  address: string;
  close(): Promise<void>;
}

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.');
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

function readQuestion(query: Buffer): { name: string; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (query[offset] !== 0) {
    const length = query[offset] ?? 0;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString());
    offset += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: offset + 5 };
}

function answer(query: Buffer, records: SrvRecord[] | undefined): Buffer {
  const { end } = readQuestion(query);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(records ? 0x8180 : 0x8183, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records?.length ?? 0, 6);
  const answers = (records ?? []).map((record) => {
    const target = encodeName(record.target);
    const fixed = Buffer.alloc(18);
    fixed.writeUInt16BE(0xc00c, 0); // the question's name
    fixed.writeUInt16BE(33, 2); // SRV
    fixed.writeUInt16BE(1, 4); // IN
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(6 + target.length, 10);
    fixed.writeUInt16BE(record.priority, 12);
    fixed.writeUInt16BE(record.weight, 14);
    fixed.writeUInt16BE(record.port, 16);
    return Buffer.concat([fixed, target]);
  });
  return Buffer.concat([header, query.subarray(12, end), ...answers]);
}

export async function startDnsSrvServer(zone: Record<string, SrvRecord[]>): Promise<DnsSrvServer> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    const records = zone[readQuestion(query).name];
    socket.send(answer(query, records), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
