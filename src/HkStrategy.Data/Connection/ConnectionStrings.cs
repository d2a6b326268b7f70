using System.Globalization;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Connection;

/// <summary>Reads <c>postgres://</c> URLs and Npgsql connection strings; prints them with the password masked.</summary>
public static class ConnectionStrings
{
    public static string Normalize(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(text);
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ArgumentException("no Host");
            }
            return WithDefaults(builder).ConnectionString;
        }
        catch (ArgumentException)
        {
            throw HksException.Usage("InvalidDatabaseUrl", "the database must be a postgres:// URL or an Npgsql connection string with a Host");
        }
    }

    /// <summary>A URL or connection string as given, masked; one that cannot be read is not printed at all.</summary>
    public static string MaskAny(string value)
    {
        try
        {
            return Mask(Normalize(value));
        }
        catch (HksException)
        {
            return "(unreadable)";
        }
    }

    public static string Mask(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username);
        var secret = string.IsNullOrEmpty(builder.Password) ? "" : ":****";
        var at = user.Length > 0 ? "@" : "";
        var host = builder.Host ?? "localhost";
        var hostPart = host.StartsWith('/') ? Uri.EscapeDataString(host) : host;
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{secret}{at}{hostPart}:{builder.Port}/{builder.Database}");
    }

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw HksException.Usage("InvalidDatabaseUrl", "the database URL is not valid: expected postgres://user:password@host:port/database");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        builder.Database = database.Length > 0 ? database : "hk_strategy";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2)
            {
                continue;
            }
            var value = Uri.UnescapeDataString(parts[1]);
            if (parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
            else if (parts[0].Equals("passfile", StringComparison.OrdinalIgnoreCase))
            {
                builder.Passfile = value; // as printed by 'hks db url': the password stays in the file
            }
            else if (parts[0].Equals("password", StringComparison.OrdinalIgnoreCase))
            {
                builder.Password = value;
            }
        }
        return WithDefaults(builder).ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder WithDefaults(NpgsqlConnectionStringBuilder builder)
    {
        builder.Database ??= "hk_strategy";
        builder.ApplicationName ??= "hks";
        if (builder.Timeout == 15)
        {
            builder.Timeout = 10;
        }
        return builder;
    }
}
