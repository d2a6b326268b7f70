using System.Globalization;
using HkStrategy.Data.Copy;
using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Data.Tests.Copy;

/// <summary>
/// The server's binary COPY read back by hand: every numeric exactly as whole units of its scale, whatever its digit
/// groups and weight; anything the format does not allow (or a value the scale cannot hold) refused, never guessed.
/// </summary>
public sealed class BinaryCopyReaderTests
{
    private static async Task<List<long?>> NumericsAsync(TestDatabase db, string values, int scale, string type)
    {
        await using var connection = await db.OpenAsync();
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY (SELECT v::{type} FROM unnest('{{{values}}}'::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n) TO STDOUT (FORMAT BINARY)");
        var rows = new BinaryCopyReader(copy);
        await rows.ReadHeaderAsync(CancellationToken.None);
        var read = new List<long?>();
        while (await rows.ReadRowAsync(1, CancellationToken.None))
        {
            read.Add(rows.ReadNullableScaledNumeric(scale));
        }
        return read;
    }

    [Fact]
    public async Task EveryNumeric_ComesBackAsWholeUnitsOfItsScale_Exactly()
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] values = ["0", "1", "-1", "0.00000001", "-0.00000001", "9999.9999", "10000", "10000.0001", "123456789.12345678", "-99999.5",
            "0.5", "100000000", "9999999999.99999999", "1E-8", "20000000", "0.00010000", "1234.1", "NULL"];
        var random = new Random(3);
        var randomValues = Enumerable.Range(0, 10_000).Select(_ => (random.NextInt64(-999_999_999_999_999_999, 999_999_999_999_999_999) / (long)Math.Pow(10, random.Next(19))).ToString(CultureInfo.InvariantCulture)).ToList();

        var read = await NumericsAsync(db, string.Join(',', values.Concat(randomValues.Select(v => v + "E-8"))), 8, "numeric(28,8)");

        var expected = values.Select(v => v == "NULL" ? (long?)null : (long)(decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) * 100_000_000m))
            .Concat(randomValues.Select(v => (long?)long.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task ANumericWithMoreDecimalsThanTheScale_NaNOrOnePastSixtyFourBits_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();

        await Assert.ThrowsAsync<InvalidDataException>(() => NumericsAsync(db, "1.001", 2, "numeric"));
        await Assert.ThrowsAsync<InvalidDataException>(() => NumericsAsync(db, "NaN", 2, "numeric"));
        await Assert.ThrowsAsync<InvalidDataException>(() => NumericsAsync(db, "Infinity", 2, "numeric"));
        await Assert.ThrowsAsync<InvalidDataException>(() => NumericsAsync(db, "92233720368547758.08", 2, "numeric"));
        Assert.Equal([100L], await NumericsAsync(db, "1.000", 2, "numeric(10,2)")); // trailing zeros within the scale are fine
        Assert.Equal([long.MaxValue, -long.MaxValue], await NumericsAsync(db, "92233720368547758.07,-92233720368547758.07", 2, "numeric")); // the largest that fit
    }

    [Theory]
    [InlineData("not a copy at all, just text")]
    [InlineData("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0")] // a header, then a row cut short
    [InlineData("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0\x02\0\0\0\x04\0\0\0\x01")] // two fields where one was asked for
    [InlineData("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0\x01\x7f\xff\xff\xff")] // a field longer than any row
    [InlineData("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0\x01\0\0\0\x04\0\0\0\x01")] // then no trailer
    [InlineData("PGCOPY\n\xff\r\n\0\0\x01\0\0\0\0\0\0\x01\0\0\0\x04\0\0\0\x01\xff\xff")] // flag 16: rows with OIDs
    public async Task AStreamThatIsNotTheFormat_IsRefused_NotReadAsRows(string bytes)
    {
        var rows = new BinaryCopyReader(new MemoryStream(bytes.Select(c => (byte)c).ToArray()));

        await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await rows.ReadHeaderAsync(CancellationToken.None);
            while (await rows.ReadRowAsync(1, CancellationToken.None))
            {
                rows.ReadInt32();
            }
        });
    }

    [Fact]
    public async Task AFieldOfTheWrongSizeOrANullWhereAValueMustBe_IsRefused()
    {
        var header = "PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0".Select(c => (byte)c);
        byte[] nullInt = [.. header, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        byte[] shortLong = [.. header, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0xff, 0xff];

        foreach (var (bytes, read) in new (byte[], Action<BinaryCopyReader>)[] { (nullInt, r => r.ReadInt32()), (shortLong, r => r.ReadInt64()) })
        {
            var rows = new BinaryCopyReader(new MemoryStream(bytes));
            await rows.ReadHeaderAsync(CancellationToken.None);
            Assert.True(await rows.ReadRowAsync(1, CancellationToken.None));
            Assert.Throws<InvalidDataException>(() => read(rows));
        }
    }
}
