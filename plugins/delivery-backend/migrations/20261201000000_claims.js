// @ts-check

/**
 * Claims: which entity a release, image, chart or code job belongs to, as
 * first seen by the plugin (or recorded by the scaffolder when it created the
 * service). A newer entity copying the annotation never replaces a row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_claims', table => {
    table.comment(
      'First-seen owner of each release / image / chart / code job',
    );
    table
      .string('kind', 16)
      .notNullable()
      .comment('release | image | chart | code-job');
    table
      .string('name', 512)
      .notNullable()
      .comment('Normalised name ([instance:]id, lower case)');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity it belongs to');
    table.string('source', 16).notNullable().comment('first-seen | scaffolder');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.primary(['kind', 'name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_claims');
};
