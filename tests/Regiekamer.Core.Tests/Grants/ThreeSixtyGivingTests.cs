using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants.OpenData;

namespace Regiekamer.Core.Tests.Grants;

public class ThreeSixtyGivingTests
{
    private static readonly OpenDataPublisher Department = new(
        "360G-vlaanderen-wse-",
        "BE-BCE_KBO-0316381039",
        "Departement Werk en Sociale Economie",
        "https://www.vlaanderen.be/departement-werk-en-sociale-economie");

    /// <summary>Stad Gent, with its enterprise number; one municipality; an amount whose cents a double would not keep.</summary>
    private static readonly GrantRecord Gent = new(
        "2023-MB-2023-0001-1",
        "Lokale regierol sociale economie en werk 2023 – Stad Gent",
        "Subsidie voor de lokale regierol sociale economie en werk in 2023, ministerieel besluit MB-2023-0001 van 15/01/2023.",
        new Money(12_345_678),
        new DateOnly(2023, 1, 15),
        2023,
        "Stad Gent",
        "0207.451.227",
        [new GrantLocation("44021", "Gent")]);

    /// <summary>A partnership without a known enterprise number, of five municipalities.</summary>
    private static readonly GrantRecord Maasland = new(
        "2023-MB-2023-0001-7",
        "Lokale regierol sociale economie en werk 2023 – Sociale Economie Maasland",
        "Subsidie voor de lokale regierol sociale economie en werk in 2023, ministerieel besluit MB-2023-0001 van 15/01/2023. Beherende gemeente: Maasmechelen.",
        new Money(37_083_333),
        new DateOnly(2023, 1, 15),
        2023,
        "Sociale Economie Maasland",
        null,
        [
            new GrantLocation("72018", "Kinrooi"),
            new GrantLocation("72021", "Maaseik"),
            new GrantLocation("72041", "Dilsen-Stokkem"),
            new GrantLocation("73107", "Maasmechelen"),
            new GrantLocation("73042", "Lanaken"),
        ]);

    /// <summary>Two municipalities; the enterprise number is made up (valid checksum), the rest as in a decree of the next year.</summary>
    private static readonly GrantRecord BerlareZele = new(
        "2024-MB-2024-0003-2",
        "Lokale regierol sociale economie en werk 2024 – Regieverband Berlare-Zele",
        "Subsidie voor de lokale regierol sociale economie en werk in 2024, ministerieel besluit MB-2024-0003 van 20/12/2023.",
        new Money(100),
        new DateOnly(2023, 12, 20),
        2024,
        "Welzijnsvereniging Berlare-Zele",
        "0850123440",
        [new GrantLocation("42003", "Berlare"), new GrantLocation("42028", "Zele")]);

    [Fact]
    public void Package_OfRealisticGrants_IsValid()
    {
        var json = Package(Gent, Maasland, BerlareZele);

        Assert.Empty(ThreeSixtyGiving.Validate(new MemoryStream(json)));
    }

    [Fact]
    public void Package_ReadsBackExactly()
    {
        using var document = JsonDocument.Parse(Package(Gent, Maasland, BerlareZele));
        var grants = document.RootElement.GetProperty("grants");
        Assert.Equal(3, grants.GetArrayLength());

        var gent = grants[0];
        Assert.Equal("360G-vlaanderen-wse-2023-MB-2023-0001-1", gent.GetProperty("id").GetString());
        Assert.Equal(Gent.Title, gent.GetProperty("title").GetString());
        Assert.Equal(Gent.Description, gent.GetProperty("description").GetString());
        Assert.Equal("EUR", gent.GetProperty("currency").GetString());
        Assert.Equal(123_456.78m, gent.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("123456.78", gent.GetProperty("amountAwarded").GetRawText());
        Assert.Equal("2023-01-15", gent.GetProperty("awardDate").GetString());
        var planned = Assert.Single(gent.GetProperty("plannedDates").EnumerateArray());
        Assert.Equal("2023-01-01", planned.GetProperty("startDate").GetString());
        Assert.Equal("2023-12-31", planned.GetProperty("endDate").GetString());
        Assert.Equal(12, planned.GetProperty("duration").GetInt32());
        var recipient = Assert.Single(gent.GetProperty("recipientOrganization").EnumerateArray());
        Assert.Equal("BE-BCE_KBO-0207451227", recipient.GetProperty("id").GetString());
        Assert.Equal("Stad Gent", recipient.GetProperty("name").GetString());
        var funder = Assert.Single(gent.GetProperty("fundingOrganization").EnumerateArray());
        Assert.Equal("BE-BCE_KBO-0316381039", funder.GetProperty("id").GetString());
        Assert.Equal("Departement Werk en Sociale Economie", funder.GetProperty("name").GetString());
        var location = Assert.Single(gent.GetProperty("beneficiaryLocation").EnumerateArray());
        Assert.Equal("Gent", location.GetProperty("name").GetString());
        Assert.Equal("44021", location.GetProperty("geoCode").GetString());
        Assert.Equal("BE", location.GetProperty("countryCode").GetString());
        Assert.False(gent.TryGetProperty("dateModified", out _));

        var maasland = grants[1];
        Assert.Equal(370_833.33m, maasland.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(
            "360G-vlaanderen-wse-org-sociale-economie-maasland",
            Assert.Single(maasland.GetProperty("recipientOrganization").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(
            ["72018", "72021", "72041", "73107", "73042"],
            maasland.GetProperty("beneficiaryLocation").EnumerateArray().Select(l => l.GetProperty("geoCode").GetString()));

        var berlareZele = grants[2];
        Assert.Equal("1.00", berlareZele.GetProperty("amountAwarded").GetRawText());
        Assert.Equal("2023-12-20", berlareZele.GetProperty("awardDate").GetString());
        Assert.Equal("2024-01-01", berlareZele.GetProperty("plannedDates")[0].GetProperty("startDate").GetString());
        Assert.Equal("BE-BCE_KBO-0850123440", berlareZele.GetProperty("recipientOrganization")[0].GetProperty("id").GetString());
        Assert.Equal(
            [("Berlare", "42003"), ("Zele", "42028")],
            berlareZele.GetProperty("beneficiaryLocation").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("geoCode").GetString())));

        var publisher = document.RootElement.GetProperty("publisher");
        Assert.Equal("https://www.vlaanderen.be/departement-werk-en-sociale-economie", publisher.GetProperty("website").GetString());
    }

    [Theory]
    [InlineData(12_345_678L, "123456.78")]
    [InlineData(100L, "1.00")]
    [InlineData(120L, "1.20")]
    [InlineData(1L, "0.01")]
    [InlineData(300_000_000L, "3000000.00")]
    [InlineData(9_007_199_254_740_993L, "90071992547409.93")] // 2^53 + 1 cents: a double would round it
    [InlineData(long.MaxValue, "92233720368547758.07")]
    public void AmountAwarded_IsTheExactCents(long cents, string expected)
    {
        using var document = JsonDocument.Parse(Package(Gent with { Amount = new Money(cents) }));
        var amount = document.RootElement.GetProperty("grants")[0].GetProperty("amountAwarded");

        Assert.Equal(expected, amount.GetRawText());
        Assert.Equal(cents / 100m, amount.GetDecimal());
    }

    [Fact]
    public void BeneficiaryLocation_HasNoUkGeoCodeType()
    {
        // geoCodeType.csv lists UK ONS geographies only; a NIS code is none of them (see ThreeSixtyGiving.WriteGrant).
        using var document = JsonDocument.Parse(Package(Maasland));

        Assert.All(
            document.RootElement.GetProperty("grants")[0].GetProperty("beneficiaryLocation").EnumerateArray(),
            l => Assert.False(l.TryGetProperty("geoCodeType", out _)));
    }

    [Fact]
    public void Text_StaysReadable()
    {
        var text = Encoding.UTF8.GetString(Package(Gent));

        Assert.Contains("\"Lokale regierol sociale economie en werk 2023 – Stad Gent\"", text, StringComparison.Ordinal);
        Assert.Contains("\n  \"grants\": [\n    {\n      \"id\": ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GrantWithoutAmountAwarded_NamesTheField()
    {
        var errors = ValidateChanged(grant => grant.Remove("amountAwarded"));

        Assert.Contains(errors, e => e.StartsWith("/grants/0:", StringComparison.Ordinal) && e.Contains("amountAwarded", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CurrencyThatIsNotACode_NamesTheField()
    {
        var errors = ValidateChanged(grant => grant["currency"] = "euro");

        Assert.Contains(errors, e => e.StartsWith("/grants/0/currency:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AwardDateInBelgianOrder_NamesTheField()
    {
        var errors = ValidateChanged(grant => grant["awardDate"] = "15/01/2023");

        Assert.Contains(errors, e => e.StartsWith("/grants/0/awardDate:", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("/grants/0/awardDate:", e));
    }

    [Fact]
    public void Validate_AmountAsText_NamesTheField()
    {
        var errors = ValidateChanged(grant => grant["amountAwarded"] = "123456.78");

        Assert.Contains(errors, e => e.StartsWith("/grants/0/amountAwarded:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyPackage_IsRejected()
    {
        // The standard asks for at least one grant: Write does not refuse an empty sequence, the check does.
        Assert.NotEmpty(ThreeSixtyGiving.Validate(new MemoryStream(Package())));
    }

    [Fact]
    public void Validate_NotJson_SaysSo()
    {
        var errors = ThreeSixtyGiving.Validate(new MemoryStream("{\"grants\": ["u8.ToArray()));

        Assert.StartsWith("(file): not JSON", Assert.Single(errors));
    }

    [Fact]
    public void TenThousandGrants_StreamOutAndValidate()
    {
        var output = new MemoryStream();
        var writtenBeforeTheLast = 0L;

        ThreeSixtyGiving.Write(output, Observed(ManyGrants(10_000)), Department);

        Assert.True(writtenBeforeTheLast > 1_000_000, $"only {writtenBeforeTheLast} bytes reached the stream before the last grant was read");
        output.Position = 0;
        Assert.Empty(ThreeSixtyGiving.Validate(output));
        output.Position = 0;
        using var document = JsonDocument.Parse(output);
        var grants = document.RootElement.GetProperty("grants");
        Assert.Equal(10_000, grants.GetArrayLength());
        Assert.Equal(ManyGrants(10_000).Sum(g => g.Amount.Cents) / 100m, grants.EnumerateArray().Sum(g => g.GetProperty("amountAwarded").GetDecimal()));

        IEnumerable<GrantRecord> Observed(IEnumerable<GrantRecord> grants)
        {
            foreach (var grant in grants)
            {
                writtenBeforeTheLast = output.Length;
                yield return grant;
            }
        }
    }

    [Fact]
    public async Task WriteAsync_WritesTheSameBytes()
    {
        var output = new MemoryStream();

        await ThreeSixtyGiving.WriteAsync(output, ManyGrants(500).ToAsyncEnumerable(), Department);

        Assert.Equal(Package([.. ManyGrants(500)]), output.ToArray());
    }

    [Fact]
    public void Write_SameKeyTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Package(Gent, Maasland, Gent with { Title = "Correctie" }));

        Assert.Contains(Gent.Key, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void Write_AmountNotAboveZero_Throws(long cents) =>
        Assert.Throws<ArgumentException>(() => Package(Gent with { Amount = new Money(cents) }));

    [Fact]
    public void Write_InvalidEnterpriseNumberOrNisCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Package(Gent with { RecipientKbo = "0207.451.228" }));
        Assert.Throws<ArgumentException>(() => Package(Gent with { Locations = [new GrantLocation("4402", "Gent")] }));
    }

    [Fact]
    public void Write_EnterpriseNumberWithDots_IsWrittenAsTenDigits()
    {
        using var document = JsonDocument.Parse(Package(Gent with { RecipientKbo = "BE 0207.451.227" }));

        Assert.Equal("BE-BCE_KBO-0207451227", document.RootElement.GetProperty("grants")[0].GetProperty("recipientOrganization")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("Sociale Economie Maasland", "sociale-economie-maasland")]
    [InlineData("Regierol SE Heusden-Zolder / Beringen / Houthalen-Helchteren", "regierol-se-heusden-zolder-beringen-houthalen-helchteren")]
    [InlineData("  Welzijnsvereniging Tielt–Meulebeke (Ré) ", "welzijnsvereniging-tielt-meulebeke-re")]
    [InlineData("ÉÈÊ Zoë & Cie", "eee-zoe-cie")]
    public void Slug_KeepsLettersAndDigits(string name, string expected) =>
        Assert.Equal(expected, ThreeSixtyGiving.Slug(name));

    private static byte[] Package(params GrantRecord[] grants)
    {
        var output = new MemoryStream();
        ThreeSixtyGiving.Write(output, grants, Department);
        return output.ToArray();
    }

    private static List<string> ValidateChanged(Action<JsonObject> change)
    {
        var package = JsonNode.Parse(Package(Gent, Maasland))!.AsObject();
        change(package["grants"]![0]!.AsObject());
        var errors = ThreeSixtyGiving.Validate(new MemoryStream(Encoding.UTF8.GetBytes(package.ToJsonString()))).ToList();
        Assert.NotEmpty(errors);
        return errors;
    }

    /// <summary>Grants like the department's: each decree line its own key, amounts with cents, two to six municipalities.</summary>
    private static IEnumerable<GrantRecord> ManyGrants(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var year = 2020 + (i % 6);
            yield return new GrantRecord(
                string.Create(CultureInfo.InvariantCulture, $"{year}-MB-{year}-{i / 100:D4}-{i % 100}"),
                string.Create(CultureInfo.InvariantCulture, $"Lokale regierol sociale economie en werk {year} – Regieverband {i}"),
                string.Create(CultureInfo.InvariantCulture, $"Subsidie voor de lokale regierol sociale economie en werk in {year}, ministerieel besluit MB-{year}-{i / 100:D4}."),
                new Money(10_000_000 + (i * 7_919L)),
                new DateOnly(year - 1, 12, 1 + (i % 28)),
                year,
                string.Create(CultureInfo.InvariantCulture, $"Regieverband {i}"),
                i % 3 == 0 ? null : "0207451227",
                [.. Enumerable.Range(0, 2 + (i % 5)).Select(m => new GrantLocation(string.Create(CultureInfo.InvariantCulture, $"{11001 + m}"), string.Create(CultureInfo.InvariantCulture, $"Gemeente {m}")))]);
        }
    }
}
