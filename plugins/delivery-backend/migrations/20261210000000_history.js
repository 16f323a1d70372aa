// @ts-check

/**
 * Delivery history (issue #12): what the collector records, keyed by natural
 * ids so that recording the same event twice is a no-op. Times are ISO-8601
 * UTC strings (`Date.toISOString()`, fixed width), which order the same way
 * as the instants they name on every dialect.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /**
   * @param {import('knex').Knex.CreateTableBuilder} t
   * @param {string} name
   */
  const iso = (t, name) => t.string(name, 32);

  await knex.schema.createTable('delivery_history_builds', table => {
    table.comment('Code-Jenkins builds (kept after Jenkins discards them)');
    table.string('entity_ref', 255).notNullable();
    table
      .string('build_key', 1024)
      .notNullable()
      .comment('The build URL, else its number');
    table.integer('number').notNullable();
    table.string('url', 1024).nullable();
    table.string('version', 128).nullable();
    table.string('commit_sha', 64).nullable();
    table.string('result', 16).nullable();
    iso(table, 'started_at').notNullable();
    iso(table, 'finished_at').nullable();
    table.primary(['entity_ref', 'build_key']);
    table.index(['entity_ref', 'started_at'], 'delivery_history_builds_time');
  });

  await knex.schema.createTable('delivery_history_changes', table => {
    table.comment('Code commits each released version carries');
    table.string('entity_ref', 255).notNullable();
    table.string('version', 128).notNullable();
    table.string('sha', 64).notNullable();
    table.text('message').nullable();
    table.string('url', 1024).nullable();
    iso(table, 'committed_at').notNullable();
    table.primary(['entity_ref', 'version', 'sha']);
    table.index(
      ['entity_ref', 'committed_at'],
      'delivery_history_changes_time',
    );
  });

  await knex.schema.createTable('delivery_history_pin_changes', table => {
    table.comment('Changes of the pin of an entity in a config repo');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('config_sha', 64).notNullable();
    table.string('release', 255).notNullable();
    table.string('config_url', 1024).nullable();
    table.string('from_version', 128).nullable();
    table.string('to_version', 128).notNullable();
    iso(table, 'committed_at').notNullable();
    table.integer('pr_number').nullable();
    table.string('pr_url', 1024).nullable();
    table.string('pr_merged_by', 255).nullable();
    iso(table, 'pr_merged_at').nullable();
    table.primary(['entity_ref', 'environment', 'config_sha']);
    table.index(
      ['entity_ref', 'committed_at'],
      'delivery_history_pin_changes_time',
    );
  });

  await knex.schema.createTable('delivery_history_deploys', table => {
    table.comment('Config-Jenkins deploy runs, with the pin they deployed');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.integer('number').notNullable();
    table.string('url', 1024).nullable();
    table.string('config_sha', 64).nullable();
    table.string('version', 128).nullable();
    table.string('result', 16).nullable();
    iso(table, 'started_at').notNullable();
    iso(table, 'finished_at').nullable();
    table.primary(['entity_ref', 'environment', 'number']);
    table.index(['entity_ref', 'started_at'], 'delivery_history_deploys_time');
  });

  await knex.schema.createTable('delivery_history_observations', table => {
    table.comment('Status transitions of an environment (one row per change)');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    iso(table, 'observed_at').notNullable();
    table.string('status', 32).notNullable();
    table.string('pinned_version', 128).nullable();
    table.string('running_version', 128).nullable();
    table.primary(['entity_ref', 'environment', 'observed_at']);
  });

  await knex.schema.createTable('delivery_history_actions', table => {
    table.comment('Promotions and re-syncs done through Delivery');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('kind', 16).notNullable().comment('promotion | resync');
    iso(table, 'at').notNullable();
    table.string('actor', 255).notNullable();
    table.string('version', 128).nullable();
    table.string('outcome', 32).nullable();
    table.string('url', 1024).nullable();
    table.primary(['entity_ref', 'environment', 'kind', 'at']);
  });

  await knex.schema.createTable('delivery_history_cursors', table => {
    table.comment('How far the collector has read each source');
    table
      .string('source', 512)
      .primary()
      .comment(
        'e.g. code-job:<instance>:<job>, pin-file:<repo>@<branch>:<path>',
      );
    table.text('value').notNullable().comment('JSON, per source kind');
    iso(table, 'updated_at').notNullable();
  });

  await knex.schema.createTable('delivery_history_snapshots', table => {
    table.comment('The last recorded state of each entity (the overview)');
    table.string('entity_ref', 255).primary();
    table.string('title', 255).notNullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table
      .text('environments')
      .notNullable()
      .comment('JSON OverviewEnvironment[]');
    table.text('dora').nullable().comment('JSON DoraSummary');
    iso(table, 'snapshot_at').notNullable();
  });

  await knex.schema.createTable('delivery_history_notifications', table => {
    table.comment('Notifications sent (one row per trigger: never sent twice)');
    table.string('dedup_key', 512).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 32).notNullable();
    iso(table, 'sent_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const t of [
    'delivery_history_notifications',
    'delivery_history_snapshots',
    'delivery_history_cursors',
    'delivery_history_actions',
    'delivery_history_observations',
    'delivery_history_deploys',
    'delivery_history_pin_changes',
    'delivery_history_changes',
    'delivery_history_builds',
  ]) {
    await knex.schema.dropTable(t);
  }
};
