using CsCheck;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Catalogue;

/// <summary>Issue 10 point 5: the catalogue's pure rules — staleness by the calendar, CPV codes and their hierarchy, search text made safe.</summary>
public sealed class CatalogueRulesTests
{
    [Theory]
    [InlineData("2026-01-15", "2027-01-14", Freshness.Fresh)]
    [InlineData("2026-01-15", "2027-01-15", Freshness.Stale)]
    [InlineData("2026-01-15", "2027-07-14", Freshness.Stale)]
    [InlineData("2026-01-15", "2027-07-15", Freshness.Hidden)]
    [InlineData("2026-08-31", "2027-08-30", Freshness.Fresh)]
    [InlineData("2026-08-31", "2027-08-31", Freshness.Stale)]
    [InlineData("2026-08-31", "2028-02-28", Freshness.Stale)]
    [InlineData("2026-08-31", "2028-02-29", Freshness.Hidden)]
    [InlineData("2026-01-15", "2026-01-15", Freshness.Fresh)]
    public void Freshness_ChangesOnTheDay12And18MonthsOn(string confirmed, string today, Freshness expected) =>
        Assert.Equal(expected, CatalogueRules.FreshnessOf(DateOnly.Parse(confirmed, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PublicCutoff_AgreesWithFreshness_OnEveryDay()
    {
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 1000]).Sample((start, age) =>
        {
            var confirmed = new DateOnly(2024, 1, 1).AddDays(start);
            var today = confirmed.AddDays(age);
            var publicSees = confirmed > CatalogueRules.PublicConfirmedAfter(today);
            Assert.Equal(CatalogueRules.FreshnessOf(confirmed, today) != Freshness.Hidden, publicSees);
            Assert.Equal(CatalogueRules.FreshnessOf(confirmed, today) != Freshness.Fresh, confirmed <= CatalogueRules.StaleOnOrBefore(today));
        });
    }

    [Theory]
    [InlineData("77310000-6", "7731")]
    [InlineData("77000000", "77")]
    [InlineData("77000000-0", "77")]
    [InlineData("03000000", "03")]
    [InlineData("00000000", "00")]
    [InlineData("7731", "7731")]
    [InlineData("79810000-5", "7981")]
    [InlineData(" 45 ", "45")]
    public void SearchPrefix_DropsTheCheckDigitAndTrailingZeros(string text, string prefix) =>
        Assert.Equal(prefix, Cpv.SearchPrefix(text));

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("773100001")]
    [InlineData("77310000-")]
    [InlineData("7731000-6")]
    [InlineData("77'; --")]
    [InlineData("abcdefgh")]
    public void SearchPrefix_RefusesWhatIsNoCode(string text) => Assert.Null(Cpv.SearchPrefix(text));

    [Fact]
    public void ACodesSearchPrefixes_AreExactlyTheSearchesThatFindIt_InTheShippedList()
    {
        // The catalogue index keeps a list of services per search prefix (CatalogueIndex.Find): a search for any code
        // or first digits must find exactly the codes the prefix rule finds.
        var codes = CpvVocabulary.Shipped.Entries.Select(e => e.Code).ToList();
        Gen.Select(Gen.Int[0, codes.Count - 1], Gen.Int[2, 8], Gen.Int[0, codes.Count - 1]).Sample((from, length, probe) =>
        {
            var prefix = Cpv.SearchPrefix(codes[from][..length])!;
            var code = codes[probe];
            Assert.Equal(Cpv.IsUnder(code, prefix), Cpv.SearchPrefixesOf(code).Contains(prefix));
            Assert.Contains(prefix, Cpv.SearchPrefixesOf(codes[from]));
        });
        Assert.Equal(["79", "798", "7981"], Cpv.SearchPrefixesOf("79810000-5"));
        Assert.Equal(["50", "501", "5011", "50111", "501111", "5011111"], Cpv.SearchPrefixesOf("50111110-9")); // "50111110" is searched as "5011111"
    }

    [Fact]
    public void Hierarchy_ABroaderCodeFindsEveryNarrowerOne_InTheShippedList()
    {
        var list = CpvVocabulary.Shipped.Entries;
        var division = Cpv.SearchPrefix("77000000-0")!;
        var under = list.Where(e => Cpv.IsUnder(e.Code, division)).Select(e => e.Code).ToList();
        Assert.Contains("77310000-6", under);
        Assert.Contains("77311000-3", under);
        Assert.DoesNotContain("79810000-5", under);
        Assert.All(under, c => Assert.StartsWith("77", c, StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedVocabulary_Has9454Codes_EachFoundOnlyWithItsOwnCheckDigit()
    {
        var cpv = CpvVocabulary.Shipped;
        Assert.Equal(9454, cpv.Entries.Count);
        Assert.Equal(9454, cpv.Entries.Select(e => e.Code[..8]).Distinct().Count());
        Assert.True(cpv.TryFind("77310000-6", out var green));
        Assert.Equal("Beplanten en onderhouden van groengebieden", green.LabelNl);
        Assert.True(cpv.TryFind("79810000", out var print));
        Assert.Equal("79810000-5", print.Code);
        Assert.False(cpv.TryFind("77310000-5", out _));
        Assert.False(cpv.TryFind("77310001-6", out _));
        Assert.False(cpv.TryFind("7731000-6", out _));
        Assert.Equal("Diensten inzake afvalwater, afval, reiniging en milieu", cpv.LabelOf("90000000-7"));
    }

    [Fact]
    public void BuiltInCategories_MapToCodesOfTheList()
    {
        Assert.Equal(11, CatalogueCategory.BuiltIn.Count);
        Assert.All(CatalogueCategory.BuiltIn, c =>
        {
            Assert.NotEmpty(c.Cpv);
            Assert.All(c.Cpv, code => Assert.True(CpvVocabulary.Shipped.TryFind(code, out var e) && e.Code == code, code));
        });
        Assert.Contains("77310000-6", CatalogueCategory.BuiltIn.Single(c => c.Code == "groenonderhoud").Cpv);
        Assert.Contains("79810000-5", CatalogueCategory.BuiltIn.Single(c => c.Code == "drukwerk-mailing").Cpv);
    }

    [Theory]
    [InlineData("drukwerk", new[] { "drukwerk" })]
    [InlineData("  Drukwerk   FOLDERS ", new[] { "drukwerk", "folders" })]
    [InlineData("\"drukwerk\" OR 1=1; --", new[] { "drukwerk", "or", "1" })]
    [InlineData("'; DROP TABLE \"Offerings\"; --", new[] { "drop", "table", "offerings" })]
    [InlineData("druk* NEAR(a b) & !c | d:*", new[] { "druk", "near", "a", "b", "c", "d" })]
    [InlineData("hergebruik/kringloop", new[] { "hergebruik", "kringloop" })]
    [InlineData("café-restaurant", new[] { "café", "restaurant" })]
    [InlineData("\"*():&|!'%_\\", new string[0])]
    [InlineData("", new string[0])]
    public void SearchTerms_AreRunsOfLettersAndDigits(string text, string[] terms) =>
        Assert.Equal(terms, CatalogueRules.SearchTerms(text));

    [Fact]
    public void SearchTerms_NeverCarryQueryOrSqlSyntax_WhateverIsTyped()
    {
        Gen.String.Sample(text =>
        {
            var terms = CatalogueRules.SearchTerms(text);
            Assert.True(terms.Count <= CatalogueRules.MaxSearchTerms);
            Assert.All(terms, t =>
            {
                Assert.InRange(t.Length, 1, CatalogueRules.MaxTermLength);
                Assert.True(t.All(char.IsLetterOrDigit), t);
            });
            var fts = CatalogueRules.Fts5Query(terms);
            Assert.Equal(terms.Count * 2, fts.Count(c => c == '"'));
            Assert.DoesNotContain("'", CatalogueRules.TsQuery(terms), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void QueriesPerProvider_MakeEveryTermARequiredPrefix()
    {
        string[] terms = ["druk", "folders"];
        Assert.Equal("\"druk\"* \"folders\"*", CatalogueRules.Fts5Query(terms));
        Assert.Equal("druk:* & folders:*", CatalogueRules.TsQuery(terms));
    }
}
