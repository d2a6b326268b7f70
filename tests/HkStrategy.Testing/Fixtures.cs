namespace HkStrategy.Testing;

/// <summary>Files under tests/fixtures, copied beside the test assemblies.</summary>
public static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    /// <summary>The prototype's single-portfolio database, dumped by pg_dump (objects owned by the role trader).</summary>
    public static string PrototypeV1 => Path("prototype", "prototype_v1.sql");

    /// <summary>The prototype's transitional database (v1 plus its dashboard's tables), dumped by pg_dump.</summary>
    public static string PrototypeTransitional => Path("prototype", "prototype_transitional.sql");

    public static string PrototypeTransitionalGzip => Path("prototype", "prototype_transitional.sql.gz");
}
