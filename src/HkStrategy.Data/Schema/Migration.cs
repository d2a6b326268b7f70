using System.Security.Cryptography;
using System.Text;

namespace HkStrategy.Data.Schema;

/// <summary>One schema version: the SQL that reaches it from the version before, and the SQL that goes back.</summary>
public sealed record Migration(int Version, string Name, string UpSql, string DownSql)
{
    /// <summary>
    /// SHA-256 of both scripts (line endings normalised): stored when applied, checked on every start. Computed on
    /// each read, so a copy made with <c>with</c> never carries a stale hash.
    /// </summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        Normalize(UpSql) + "\n-- down --\n" + Normalize(DownSql))));

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal);
}
