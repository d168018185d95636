import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ExecuteStatementCommand, BatchExecuteStatementCommand, ExecuteTransactionCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, rangeTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
  await env.client.send(rangeTable('pqt', 'N'));
});
after(() => env.stop());

const run = (Statement: string, Parameters?: any[], extra: any = {}) => env.client.send(new ExecuteStatementCommand({ Statement, Parameters, ...extra }));

test('ExecuteStatement: INSERT, SELECT with WHERE and pagination, UPDATE, DELETE', async () => {
  await run(`INSERT INTO "pqt" VALUE {'pk': 'a', 'sk': 1, 'name': 'one', 'tags': <<'x', 'y'>>, 'm': {'k': [1, 2]}}`);
  for (let i = 2; i <= 5; i++) await run(`INSERT INTO pqt VALUE {'pk': ?, 'sk': ?, 'n': ?}`, [{ S: 'a' }, { N: String(i) }, { N: String(i * 10) }]);
  const dup = await error(() => run(`INSERT INTO pqt VALUE {'pk': 'a', 'sk': 1}`));
  assert.equal(dup.name, 'DuplicateItemException');
  const one = await run(`SELECT name, m.k[1] FROM pqt WHERE pk = 'a' AND sk = 1`);
  assert.deepEqual(one.Items, [{ name: { S: 'one' }, m: { M: { k: { L: [{ N: '2' }] } } } }]);
  const filtered = await run(`SELECT * FROM "pqt" WHERE pk = ? AND n BETWEEN 20 AND 40`, [{ S: 'a' }]);
  assert.deepEqual(filtered.Items!.map((i) => i.sk!.N), ['2', '3', '4']);
  const desc = await run(`SELECT sk FROM pqt WHERE pk = 'a' ORDER BY sk DESC`);
  assert.deepEqual(desc.Items!.map((i) => i.sk!.N), ['5', '4', '3', '2', '1']);
  const p1 = await run(`SELECT sk FROM pqt WHERE pk = 'a'`, undefined, { Limit: 2 });
  assert.equal(p1.Items!.length, 2);
  assert.ok(p1.NextToken);
  const p2 = await run(`SELECT sk FROM pqt WHERE pk = 'a'`, undefined, { Limit: 10, NextToken: p1.NextToken });
  assert.deepEqual(p2.Items!.map((i) => i.sk!.N), ['3', '4', '5']);
  const upd = await run(`UPDATE pqt SET n = n + 1 SET extra = 'e' REMOVE name WHERE pk = 'a' AND sk = 2 RETURNING ALL NEW *`);
  assert.equal(upd.Items![0]!.n!.N, '21');
  assert.equal(upd.Items![0]!.extra!.S, 'e');
  await run(`UPDATE pqt SET tags = set_add(tags, <<'z'>>) WHERE pk = 'a' AND sk = 1`);
  const got = await env.client.send(new GetItemCommand({ TableName: 'pqt', Key: { pk: { S: 'a' }, sk: { N: '1' } } }));
  assert.deepEqual(got.Item!.tags!.SS!.sort(), ['x', 'y', 'z']);
  let e = await error(() => run(`UPDATE pqt SET n = 1 WHERE pk = 'a' AND sk = 99`));
  assert.equal(e.name, 'ConditionalCheckFailedException');
  e = await error(() => run(`UPDATE pqt SET n = 1 WHERE pk = 'a'`));
  assert.equal(e.message, 'Where clause does not contain a mandatory equality on all key attributes');
  e = await error(() => run(`DELETE FROM pqt WHERE pk = 'a' AND sk = 3 AND n = 999`));
  assert.equal(e.name, 'ConditionalCheckFailedException');
  await run(`DELETE FROM pqt WHERE pk = 'a' AND sk = 3`);
  e = await error(() => run(`SELEC * FROM pqt`));
  assert.equal(e.name, 'ValidationException');
  assert.match(e.message, /^Statement wasn't well formed, can't be processed: /);
  e = await error(() => run(`SELECT * FROM nope`));
  assert.equal(e.name, 'ResourceNotFoundException');
});

test('BatchExecuteStatement and ExecuteTransaction', async () => {
  const b = await env.client.send(
    new BatchExecuteStatementCommand({
      Statements: [
        { Statement: `INSERT INTO pqt VALUE {'pk': 'b', 'sk': 1}` },
        { Statement: `INSERT INTO pqt VALUE {'pk': 'a', 'sk': 1}` },
        { Statement: `INSERT INTO pqt VALUE {'pk': 'b', 'sk': 2}` },
      ],
    }),
  );
  assert.equal(b.Responses![0]!.Error, undefined);
  assert.equal(b.Responses![1]!.Error?.Code, 'DuplicateItem');
  const reads = await env.client.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: `SELECT * FROM pqt WHERE pk = 'b' AND sk = 2` }, { Statement: `SELECT * FROM pqt WHERE pk = 'b' AND sk = 7` }] }));
  assert.equal(reads.Responses![0]!.Item!.sk!.N, '2');
  assert.equal(reads.Responses![1]!.Item, undefined);
  const e = await error(() =>
    env.client.send(
      new ExecuteTransactionCommand({
        TransactStatements: [{ Statement: `INSERT INTO pqt VALUE {'pk': 'c', 'sk': 1}` }, { Statement: `UPDATE pqt SET v = 1 WHERE pk = 'zz' AND sk = 1` }],
      }),
    ),
  );
  assert.equal(e.name, 'TransactionCanceledException');
  assert.deepEqual(e.CancellationReasons.map((r: any) => r.Code), ['None', 'ConditionalCheckFailed']);
  await env.client.send(
    new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `INSERT INTO pqt VALUE {'pk': 'c', 'sk': 1}` }, { Statement: `UPDATE pqt SET v = 1 WHERE pk = 'b' AND sk = 1` }] }),
  );
  const tr = await env.client.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `SELECT * FROM pqt WHERE pk = 'c' AND sk = 1` }, { Statement: `SELECT v FROM pqt WHERE pk = 'b' AND sk = 1` }] }));
  assert.equal(tr.Responses![0]!.Item!.pk!.S, 'c');
  assert.deepEqual(tr.Responses![1]!.Item, { v: { N: '1' } });
});
