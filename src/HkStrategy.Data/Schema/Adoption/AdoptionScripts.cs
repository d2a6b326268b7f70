namespace HkStrategy.Data.Schema.Adoption;

/// <summary>
/// What adopting a shape changes before its versions are recorded: for the shapes hks's migrations start from (v1,
/// transitional), only what the prototype's later scripts took away (embedded <c>Adoption/prototype_later_scripts.sql</c>),
/// if anything; for the prototype's own version 2, first that, then the dashboard's tables where they are missing (the very statements
/// of version 2, which create only what does not exist), then the normalisation (<c>Adoption/prototype_v2.sql</c>).
/// </summary>
public static class AdoptionScripts
{
    private const string TransitionalStart = "-- 2. The transitional objects";
    private const string TransitionalEnd = "-- 3. ";

    public static string? For(SchemaClassification classification) => classification.Shape switch
    {
        SchemaShape.PrototypeMultiPortfolio => string.Join("\n", Read("prototype_later_scripts.sql"), Read("dashboard_tables_notice.sql"),
            TransitionalObjects(MigrationCatalog.Embedded), Read("prototype_v2.sql")),
        SchemaShape.SinglePortfolio or SchemaShape.Transitional when classification.Recreates.Count > 0 => Read("prototype_later_scripts.sql"),
        _ => null,
    };

    /// <summary>Version 2's own statements for the dashboard's tables, views and trigger function, each made only where missing.</summary>
    public static string TransitionalObjects(MigrationCatalog catalog)
    {
        var up = catalog.Get(2).UpSql;
        var start = up.IndexOf(TransitionalStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : up.IndexOf(TransitionalEnd, start, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? up[start..end]
            : throw new InvalidOperationException("version 2's script no longer marks its transitional objects");
    }

    private static string Read(string name)
    {
        using var stream = typeof(AdoptionScripts).Assembly.GetManifestResourceStream("Adoption/" + name)
            ?? throw new InvalidOperationException($"the adoption script {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
