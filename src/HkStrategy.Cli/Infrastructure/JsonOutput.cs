using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>How every <c>--json</c> prints: camelCase, indented, money as numbers with two decimals.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new TwoDecimalMoney() },
        // Read by people and programs, never pasted into HTML: "+", "≥" and "–" print as themselves (control characters
        // are still escaped).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Prints the value with its JSON generated at build time (the commands' types: <c>CommandJson.Types</c>): as UTF-8
    /// straight to the process's standard output where there is one (a report of megabytes is never a string first),
    /// else through the context's writer.
    /// </summary>
    public static async Task WriteAsync<T>(CliContext context, T value, JsonTypeInfo<T> type)
    {
        if (context.StandardOutput is not { } stream)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(value, type));
            return;
        }
        await context.Out.FlushAsync();
        await JsonSerializer.SerializeAsync(stream, value, type);
        stream.WriteByte((byte)'\n');
        await stream.FlushAsync();
    }

    /// <summary>
    /// Decimals in hks output are money and prices: at least two decimals (4052660.20), more only where the value has
    /// them (a three-decimal price such as 12.345 is never rounded away).
    /// </summary>
    internal sealed class TwoDecimalMoney : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            // A decimal prints in at most 31 bytes; formatted as UTF-8 in place, it is a valid JSON number as it stands.
            Span<byte> text = stackalloc byte[64];
            writer.WriteRawValue(text[..Format(value, text)], skipInputValidation: true);
        }

        /// <summary>
        /// The value as <c>0.00#######</c> formats it (two decimals at least, nine at most), written into
        /// <paramref name="text"/>; its length. A decimal of nine decimals or fewer is printed with its own digits and
        /// then given its trailing zeros past the second, or zeros up to two, because the custom format cost a tenth of
        /// a long report's time; zero (which can be negative) and more decimals take the format itself.
        /// </summary>
        internal static int Format(decimal value, Span<byte> text)
        {
            if (value.Scale > 9 || value == 0m)
            {
                return value.TryFormat(text, out var formatted, "0.00#######", System.Globalization.CultureInfo.InvariantCulture) ? formatted
                    : throw new InvalidOperationException("a decimal did not fit its buffer");
            }
            if (!value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("a decimal did not fit its buffer");
            }
            var point = text[..written].IndexOf((byte)'.');
            if (point < 0)
            {
                point = written;
                text[written++] = (byte)'.';
            }
            var decimals = written - point - 1;
            while (decimals > 2 && text[written - 1] == (byte)'0')
            {
                written--;
                decimals--;
            }
            for (; decimals < 2; decimals++)
            {
                text[written++] = (byte)'0';
            }
            return written;
        }
    }
}
