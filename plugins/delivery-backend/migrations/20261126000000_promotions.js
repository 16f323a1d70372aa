// @ts-check

/**
 * Promotion records and the per-target lease used to serialize promotes
 * across backend replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_promotions', table => {
    table.comment('Every promotion attempt made through the delivery plugin');
    table.string('id', 64).primary().comment('Random id (uuid)');
    table.string('entity_ref', 255).notNullable().comment('Catalog entity ref');
    table.string('environment', 255).notNullable();
    table.string('release', 255).notNullable();
    table.string('from_version', 128).nullable();
    table.string('to_version', 128).notNullable();
    table.string('actor', 255).notNullable().comment('User entity ref');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table
      .string('outcome', 32)
      .notNullable()
      .comment('pending | created | reused | refused | failed');
    table.text('message').nullable();
    table.string('pull_request_url', 1024).nullable();
    table.index(['entity_ref', 'created_at'], 'delivery_promotions_entity_idx');
  });

  await knex.schema.createTable('delivery_promotion_locks', table => {
    table.comment('Leases serializing promotes per target (repo + file)');
    table.string('target', 255).primary().comment('Hashed target key');
    table.string('holder', 64).notNullable().comment('Random lease holder id');
    table
      .bigInteger('expires_at')
      .notNullable()
      .comment('Lease expiry, epoch milliseconds');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_promotion_locks');
  await knex.schema.dropTable('delivery_promotions');
};
