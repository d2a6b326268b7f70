using HkStrategy.Core.Failures;
using HkStrategy.Data.Positions;
using Npgsql;

namespace HkStrategy.Web.Equity;

/// <summary>Whether any portfolio holds a symbol, and the company name it was given there (for a symbol without bars).</summary>
public sealed record HeldSymbol(bool IsHeld, string? CompanyName)
{
    public static async Task<HeldSymbol> FindAsync(NpgsqlConnection connection, string symbol, CancellationToken cancellationToken)
    {
        var names = await HeldSymbols.CompanyNamesAsync(connection, symbol, cancellationToken);
        return new HeldSymbol(names.Count > 0, names.FirstOrDefault(n => n is not null));
    }

    /// <summary>Neither bars nor a position: most likely a mistyped code, so a 404 rather than an empty chart.</summary>
    public static HksException Missing(string symbol) => HksException.Usage("SymbolMissing",
        $"nothing is known about {symbol}: no portfolio holds it and it has no daily bars ('hks prices fetch --symbols {symbol}' fetches them)");
}
