/**
 * The sample's Java revisions (SQL revisions live next to them in {@code db/migrations} on the
 * classpath). Together they tell the migration guide's story, oldest first:
 *
 * <ol>
 * <li>{@code 3f1c2a9b0d11} {@link db.migrations.CreateBaseTables}: companies and users</li>
 * <li>{@code 7a4e9c1d2b22} {@link db.migrations.AddProductsTable}: the guide's products table</li>
 * <li>{@code c5d8e1f20a33} {@code c5d8e1f20a33_add_users_phone.sql}: add {@code phone}</li>
 * <li>{@code 0b9f3e7c6d44} {@link db.migrations.RemoveUsersLegacyField}: remove {@code legacy_field}</li>
 * <li>{@code e2a71b4c8f55} {@link db.migrations.RenameUsersName}: rename {@code name} to {@code full_name}</li>
 * <li>{@code 94c3d0e6a166} {@link db.migrations.AddUsersEmailIndex}: unique index on e-mail — two branches
 * start here, developed in parallel:
 * <ul>
 * <li>orders: {@code 5d2e8f1a3b77} {@code create_orders_table.sql}, {@code a8f04c6e2d88}
 * {@link db.migrations.AddOrdersUserId}, {@code 1e6b7d3f9c99} {@link db.migrations.CreateOrderItems}</li>
 * <li>users: {@code 6c1a5e8b0daa} {@link db.migrations.AddUsersStatus} (data migration),
 * {@code d7f2b9a4e1bb} {@link db.migrations.LowercaseUserEmails} (irreversible)</li>
 * </ul>
 * </li>
 * <li>{@code 2b8e6f0c4acc} the merge revision joining both branches</li>
 * <li>{@code f0a3c7d91edd} {@code f0a3c7d91edd_index_orders_user_id_concurrently.sql}: an index built
 * CONCURRENTLY, outside a transaction</li>
 * </ol>
 */
package db.migrations;
