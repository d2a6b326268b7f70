using System.Security.Cryptography;
using System.Text;

namespace HkStrategy.Data.Schema;

/// <summary>
/// One schema version: the SQL that reaches it from the version before, and the SQL that goes back. An applied up script
/// is frozen (its hash is checked); what a later, fixed down script archives that the frozen up script cannot bring
/// back, <see cref="ReturnSql"/> brings back, run after the up script in its transaction and, like the down script,
/// not part of the hash.
/// </summary>
public sealed record Migration(int Version, string Name, string UpSql, string DownSql, string? ReturnSql = null)
{
    /// <summary>
    /// SHA-256 of the up script (line endings normalised): what was applied, stored then and checked on every start.
    /// The down script is not part of it, so a later fix to a down script does not lock out databases already at
    /// that version. Computed on each read, so a copy made with <c>with</c> never carries a stale hash.
    /// </summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(UpSql))));

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal);
}
