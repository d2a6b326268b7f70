namespace HkStrategy.Data.Schema.Adoption;

/// <summary>
/// What adopting a shape changes before its versions are recorded: nothing for the shapes hks's migrations start from,
/// a normalisation for the prototype's own version 2 (embedded <c>Adoption/prototype_v2.sql</c>).
/// </summary>
public static class AdoptionScripts
{
    public static string? For(SchemaShape shape) => shape == SchemaShape.PrototypeMultiPortfolio ? Read("prototype_v2.sql") : null;

    private static string Read(string name)
    {
        using var stream = typeof(AdoptionScripts).Assembly.GetManifestResourceStream("Adoption/" + name)
            ?? throw new InvalidOperationException($"the adoption script {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
