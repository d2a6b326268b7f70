namespace HkStrategy.Data.Schema;

/// <summary>A row of <c>hks_meta.schema_migrations</c>: a version as applied (or adopted) in this database.</summary>
public sealed record AppliedMigration(int Version, string Name, string Sha256, DateTime AppliedAt, string How);
