using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Eligibility;

/// <summary>R1–R6 on the real shipped municipalities (2019-2024 set, regions as decided 4/2/2022, inhabitants 1/1/2020).</summary>
public class EligibilityRulesTests
{
    private static readonly DateOnly CallDate = new(2023, 1, 15);

    private static readonly string[] Scheldeland = ["Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"];

    private static EligibilityResult Judge(PartnershipFacts p, DateOnly? on = null) =>
        EligibilityRules.EvaluateOne(p, Shipped.Snapshot.EligibilityContext(on ?? CallDate));

    private static List<Finding> FindingsOf(EligibilityResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToList();

    private static Finding SingleViolation(EligibilityResult result, string rule)
    {
        var finding = Assert.Single(FindingsOf(result, rule));
        Assert.Equal(Severity.Violation, finding.Severity);
        return finding;
    }

    /// <summary>57812 → "57.812" or "57,812", written here without the production formatter.</summary>
    private static string Grouped(long value, char separator)
    {
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var groups = new List<string>();
        for (int end = digits.Length; end > 0; end -= 3)
        {
            groups.Insert(0, digits[Math.Max(0, end - 3)..end]);
        }

        return string.Join(separator, groups);
    }

    // R1

    [Theory]
    [InlineData("Gent")]
    [InlineData("Turnhout")]
    public void R1_CentralCityAlone_IsAValidApplicant(string city)
    {
        var result = Judge(Shipped.CentralCity(city));

        Assert.Empty(result.Findings);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void R1_CentralCityKindWithANonCentralCity_IsAViolation()
    {
        var result = Judge(Shipped.Partnership("Hamme alleen", PartnershipKind.CentralCity, PartnershipStatus.New, ["Hamme"]));

        var finding = SingleViolation(result, Rules.R1);
        Assert.Contains("Hamme", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Hamme", finding.Message.En, StringComparison.Ordinal);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void R1_CentralCityKindWithTwoMembers_IsAViolation()
    {
        var result = Judge(Shipped.Partnership("Gent en Laarne", PartnershipKind.CentralCity, PartnershipStatus.New, ["Gent", "Laarne"]));

        var finding = SingleViolation(result, Rules.R1);
        Assert.Contains("Gent, Laarne", finding.Message.Nl, StringComparison.Ordinal);
        Assert.False(result.Eligible);
    }

    [Theory]
    [InlineData(PartnershipKind.InterlocalAssociation)]
    [InlineData(PartnershipKind.ProjectAssociation)]
    [InlineData(PartnershipKind.ServiceAssociation)]
    [InlineData(PartnershipKind.MandatedAssociation)]
    public void R1_CooperationWithOneMember_IsAViolation(PartnershipKind kind)
    {
        var result = Judge(Shipped.Partnership("Alleen Aalst", kind, PartnershipStatus.New, ["Aalst"], managing: "Aalst"));

        var finding = SingleViolation(result, Rules.R1);
        Assert.EndsWith("er is er 1.", finding.Message.Nl, StringComparison.Ordinal);
        Assert.EndsWith("it has 1.", finding.Message.En, StringComparison.Ordinal);
        Assert.False(result.Eligible);
    }

    [Theory]
    [InlineData(PartnershipKind.InterlocalAssociation)]
    [InlineData(PartnershipKind.ProjectAssociation)]
    [InlineData(PartnershipKind.ServiceAssociation)]
    [InlineData(PartnershipKind.MandatedAssociation)]
    [InlineData(PartnershipKind.WelfareAssociation)]
    public void R1_CooperationOfTwoOrMoreMunicipalities_IsAValidApplicant(PartnershipKind kind)
    {
        var result = Judge(Shipped.Partnership("Aalst-Denderleeuw", kind, PartnershipStatus.New, ["Aalst", "Denderleeuw"], managing: "Aalst"));

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void R1_WelfareAssociationOfOneMunicipality_IsFine()
    {
        // Every municipality with 60,000 or more inhabitants is a central city, so a single-municipality welfare
        // association here is always below R2's minimum; R1 itself has nothing to say.
        var result = Judge(Shipped.Partnership("Welzijnsvereniging Beringen", PartnershipKind.WelfareAssociation, PartnershipStatus.New, ["Beringen"]));

        Assert.Empty(FindingsOf(result, Rules.R1));
        Assert.Single(FindingsOf(result, Rules.R2));
    }

    [Fact]
    public void R1_NoMembers_IsAViolation()
    {
        var result = Judge(new PartnershipFacts("Leeg", PartnershipKind.ProjectAssociation, PartnershipStatus.New, [], null, null));

        SingleViolation(result, Rules.R1);
    }

    [Fact]
    public void R1_UnknownNisCode_IsAViolationNamingIt()
    {
        var members = new[] { Shipped.Code("Aalst"), Shipped.Code("Denderleeuw"), NisCode.Parse("99999") };
        var result = Judge(new PartnershipFacts("Met onbekende", PartnershipKind.ProjectAssociation, PartnershipStatus.New, members, null, null));

        Assert.Contains(FindingsOf(result, Rules.R1), f => f.Severity == Severity.Violation && f.Message.Nl.Contains("99999", StringComparison.Ordinal));
    }

    // R2

    [Fact]
    public void R2_CooperationBelow60000_IsAViolationWithTheSumAndTheSource()
    {
        string[] members = ["Halen", "Leopoldsburg", "Bilzen"];
        var total = members.Sum(Shipped.Inhabitants);
        Assert.Equal(9_485 + 15_850 + 32_477, total); // 1/1/2020 figures read from the shipped CSV

        var result = Judge(Shipped.Partnership("Klein Limburg", PartnershipKind.InterlocalAssociation, PartnershipStatus.New, members, managing: "Bilzen"));

        var finding = SingleViolation(result, Rules.R2);
        Assert.Equal($"R2: {Grouped(total, '.')} inwoners (Statbel, 1/1/2020) is minder dan 60.000", finding.Message.Nl);
        Assert.Equal("R2: 57.812 inwoners (Statbel, 1/1/2020) is minder dan 60.000", finding.Message.Nl);
        Assert.Equal($"R2: {Grouped(total, ',')} inhabitants (Statbel, 1/1/2020) is less than 60,000", finding.Message.En);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void R2_CooperationOfExactly60000OrMore_IsFine()
    {
        string[] members = ["Halen", "Leopoldsburg", "Bilzen", "Herk-de-Stad"];
        Assert.True(members.Sum(Shipped.Inhabitants) >= 60_000);

        var result = Judge(Shipped.Partnership("Midden-Limburg", PartnershipKind.ProjectAssociation, PartnershipStatus.New, members));

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void R2_Exactly60000_IsEnough_AndOneLessIsNot()
    {
        static EligibilityContext Context(long inhabitantsOfB) => new(
            CallDate,
            new Dictionary<NisCode, MunicipalityFacts>
            {
                [NisCode.Parse("11111")] = new(NisCode.Parse("11111"), "A", false, "R1", "Regio", 30_000),
                [NisCode.Parse("22222")] = new(NisCode.Parse("22222"), "B", false, "R1", "Regio", inhabitantsOfB),
            },
            new Bilingual("bron, 1/1/2020", "source, 1/1/2020"));
        var p = new PartnershipFacts("AB", PartnershipKind.ProjectAssociation, PartnershipStatus.New, [NisCode.Parse("11111"), NisCode.Parse("22222")], null, null);

        Assert.True(EligibilityRules.EvaluateOne(p, Context(30_000)).Eligible);
        var below = EligibilityRules.EvaluateOne(p, Context(29_999));
        Assert.Equal("R2: 59.999 inwoners (bron, 1/1/2020) is minder dan 60.000", Assert.Single(below.Findings).Message.Nl);
    }

    [Fact]
    public void R2_CentralCityAlone_HasNoMinimum()
    {
        Assert.True(Shipped.Inhabitants("Turnhout") < 60_000);

        var result = Judge(Shipped.CentralCity("Turnhout"));

        Assert.Empty(FindingsOf(result, Rules.R2));
        Assert.True(result.Eligible);
    }

    [Fact]
    public void R2_WelfareAssociationBelow60000_IsAViolation()
    {
        var result = Judge(Shipped.Partnership("OCMW-vereniging", PartnershipKind.WelfareAssociation, PartnershipStatus.New, ["Halen", "Leopoldsburg"]));

        SingleViolation(result, Rules.R2);
    }

    [Fact]
    public void R2_MemberWithoutInhabitants_IsAViolationNamingIt()
    {
        var context = new EligibilityContext(
            CallDate,
            new Dictionary<NisCode, MunicipalityFacts>
            {
                [NisCode.Parse("11111")] = new(NisCode.Parse("11111"), "Zonderstad", false, "R1", "Regio", null),
                [NisCode.Parse("22222")] = new(NisCode.Parse("22222"), "Metdorp", false, "R1", "Regio", 90_000),
            },
            new Bilingual("bron", "source"));
        var p = new PartnershipFacts("ZM", PartnershipKind.ProjectAssociation, PartnershipStatus.New, [NisCode.Parse("11111"), NisCode.Parse("22222")], null, null);

        var finding = Assert.Single(EligibilityRules.EvaluateOne(p, context).Findings);
        Assert.Equal(Rules.R2, finding.Rule);
        Assert.Contains("Zonderstad", finding.Message.Nl, StringComparison.Ordinal);
        Assert.DoesNotContain("Metdorp", finding.Message.Nl, StringComparison.Ordinal);
    }

    // R3

    [Fact]
    public void R3_TwoPartnershipsSharingAMunicipality_BothAreToldTheOtherAndTheMunicipality()
    {
        var denderland = Shipped.Interlocal("Denderland", "Aalst", "Aalst", "Denderleeuw", "Erpe-Mere");
        var erpe = Shipped.Interlocal("Erpe-Lede", "Lede", "Erpe-Mere", "Lede", "Haaltert", "Ninove");
        var gent = Shipped.CentralCity("Gent");

        var results = EligibilityRules.Evaluate([denderland, erpe, gent], Shipped.Snapshot.EligibilityContext(CallDate));

        var code = Shipped.Code("Erpe-Mere");
        var first = SingleViolation(results[0], Rules.R3);
        Assert.Contains($"Erpe-Mere ({code})", first.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Erpe-Lede", first.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Erpe-Lede", first.Message.En, StringComparison.Ordinal);
        var second = SingleViolation(results[1], Rules.R3);
        Assert.Contains($"Erpe-Mere ({code})", second.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Denderland", second.Message.Nl, StringComparison.Ordinal);
        Assert.DoesNotContain("Erpe-Lede", second.Message.Nl, StringComparison.Ordinal);
        Assert.Empty(results[2].Findings);
        Assert.False(results[0].Eligible);
        Assert.False(results[1].Eligible);
    }

    [Fact]
    public void R3_AMunicipalityListedTwiceInOnePartnership_IsNotAConflict()
    {
        var p = Shipped.Interlocal("Dubbel", "Aalst", "Aalst", "Denderleeuw", "Aalst");

        Assert.Empty(FindingsOf(Judge(p), Rules.R3));
    }

    [Fact]
    public void R3_PartnershipsWithoutSharedMunicipalities_HaveNoFinding()
    {
        var results = EligibilityRules.Evaluate(
            [Shipped.Interlocal("Scheldeland", "Hamme", Scheldeland), Shipped.CentralCity("Gent"), Shipped.CentralCity("Aalst")],
            Shipped.Snapshot.EligibilityContext(CallDate));

        Assert.All(results, r => Assert.DoesNotContain(r.Findings, f => f.Rule == Rules.R3));
    }

    // R4

    [Fact]
    public void R4_InterlocalAssociationWithoutManagingMunicipality_IsAViolation()
    {
        var p = Shipped.Partnership("Zonder beheerder", PartnershipKind.InterlocalAssociation, PartnershipStatus.New, ["Aalst", "Denderleeuw"]);

        var finding = SingleViolation(Judge(p), Rules.R4);
        Assert.Contains("beherende gemeente", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("managing municipality", finding.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_ManagingMunicipalityNotAMember_IsAViolationNamingIt()
    {
        var p = Shipped.Partnership("Verkeerde beheerder", PartnershipKind.InterlocalAssociation, PartnershipStatus.New, ["Aalst", "Denderleeuw"], managing: "Ninove");

        var finding = SingleViolation(Judge(p), Rules.R4);
        Assert.Contains($"Ninove ({Shipped.Code("Ninove")})", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains($"Ninove ({Shipped.Code("Ninove")})", finding.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_ManagingMunicipalityThatIsAMember_IsFine()
    {
        var p = Shipped.Partnership("Goede beheerder", PartnershipKind.InterlocalAssociation, PartnershipStatus.New, ["Aalst", "Denderleeuw"], managing: "Denderleeuw");

        Assert.Empty(Judge(p).Findings);
    }

    [Theory]
    [InlineData(PartnershipKind.ProjectAssociation)]
    [InlineData(PartnershipKind.ServiceAssociation)]
    [InlineData(PartnershipKind.MandatedAssociation)]
    [InlineData(PartnershipKind.WelfareAssociation)]
    public void R4_AssociationsWithLegalPersonality_NeedNoManagingMunicipality(PartnershipKind kind)
    {
        var p = Shipped.Partnership("Met rechtspersoonlijkheid", kind, PartnershipStatus.New, ["Aalst", "Denderleeuw"]);

        Assert.Empty(FindingsOf(Judge(p), Rules.R4));
    }

    // R5

    [Fact]
    public void R5_ScheldelandCrossesDenderregioAndRegioGent()
    {
        var regions = Scheldeland.GroupBy(m => Shipped.Snapshot.Region(Shipped.Code(m))!.RegionName).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(["Hamme", "Wichelen", "Zele"], regions["Denderregio"]);
        Assert.Equal(["Laarne", "Wetteren"], regions["Regio Gent"]);
    }

    [Fact]
    public void R5_ExistingUnchangedCrossingRegions_IsAWarningUntil31December2025()
    {
        var result = Judge(Shipped.Interlocal("Scheldeland", "Hamme", Scheldeland), new DateOnly(2025, 12, 31));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Rules.R5, Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("Denderregio: Hamme, Wichelen, Zele", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Regio Gent: Laarne, Wetteren", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("1/1/2026", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("1/1/2026", finding.Message.En, StringComparison.Ordinal);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void R5_ExistingUnchangedCrossingRegions_IsAViolationFrom1January2026()
    {
        var result = Judge(Shipped.Interlocal("Scheldeland", "Hamme", Scheldeland), new DateOnly(2026, 1, 1));

        var finding = SingleViolation(result, Rules.R5);
        Assert.Contains("Denderregio", finding.Message.En, StringComparison.Ordinal);
        Assert.False(result.Eligible);
    }

    [Theory]
    [InlineData(PartnershipStatus.New, 2023, 1, 1)]
    [InlineData(PartnershipStatus.New, 2023, 1, 15)]
    [InlineData(PartnershipStatus.Changed, 2023, 1, 15)]
    [InlineData(PartnershipStatus.Changed, 2025, 12, 31)]
    public void R5_NewOrChangedCrossingRegions_IsAViolation(PartnershipStatus status, int year, int month, int day)
    {
        var p = Shipped.Partnership("Scheldeland", PartnershipKind.InterlocalAssociation, status, Scheldeland, "Hamme", motivation: "Uitbreiding met Laarne.");

        var result = Judge(p, new DateOnly(year, month, day));

        var finding = SingleViolation(result, Rules.R5);
        Assert.Contains("1/1/2023", finding.Message.Nl, StringComparison.Ordinal);
        Assert.False(result.Eligible);
    }

    [Theory]
    [InlineData(PartnershipStatus.New)]
    [InlineData(PartnershipStatus.Existing)]
    [InlineData(PartnershipStatus.Changed)]
    public void R5_InsideOneRegion_HasNoFinding(PartnershipStatus status)
    {
        var p = Shipped.Partnership("Scheldeland-Dender", PartnershipKind.InterlocalAssociation, status, ["Hamme", "Wichelen", "Zele", "Berlare"], "Hamme", motivation: "Inkrimping tot de Denderregio.");

        Assert.Empty(FindingsOf(Judge(p, new DateOnly(2026, 6, 1)), Rules.R5));
    }

    [Fact]
    public void R5_UsesTheRegionVersionOfTheSnapshot()
    {
        // Zwijndrecht is in Regio Antwerpen in the 2022 version and in Waasland in the 2024 version.
        var p = Shipped.Partnership("Waasland-Zwijndrecht", PartnershipKind.ProjectAssociation, PartnershipStatus.New, ["Zwijndrecht", "Beveren", "Kruibeke"]);
        var v2024 = ReferenceSnapshot.FromShipped(regionVersion: new DateOnly(2024, 2, 8));

        Assert.Single(FindingsOf(Judge(p), Rules.R5));
        Assert.DoesNotContain(EligibilityRules.EvaluateOne(p, v2024.EligibilityContext(CallDate)).Findings, f => f.Rule == Rules.R5);
    }

    // R6

    [Fact]
    public void R6_ChangedWithoutMotivation_IsAViolation()
    {
        foreach (var motivation in new[] { null, "", "   " })
        {
            var p = Shipped.Partnership("Dender", PartnershipKind.InterlocalAssociation, PartnershipStatus.Changed, ["Hamme", "Wichelen", "Zele", "Berlare"], "Hamme", motivation);

            var result = Judge(p);

            SingleViolation(result, Rules.R6);
            Assert.False(result.Eligible);
        }
    }

    [Fact]
    public void R6_ChangedWithMotivation_IsAWarningForAPersonToJudge()
    {
        var p = Shipped.Partnership("Dender", PartnershipKind.InterlocalAssociation, PartnershipStatus.Changed, ["Hamme", "Wichelen", "Zele", "Berlare"], "Hamme", "Laarne en Wetteren sluiten aan bij Regio Gent.");

        var result = Judge(p);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((Rules.R6, Severity.Warning), (finding.Rule, finding.Severity));
        Assert.True(result.Eligible);
    }

    [Theory]
    [InlineData(PartnershipStatus.New)]
    [InlineData(PartnershipStatus.Existing)]
    public void R6_NewOrUnchanged_NeedNoMotivation(PartnershipStatus status)
    {
        var p = Shipped.Partnership("Dender", PartnershipKind.InterlocalAssociation, status, ["Hamme", "Wichelen", "Zele", "Berlare"], "Hamme");

        Assert.Empty(Judge(p).Findings);
    }

    // Across the rules

    [Fact]
    public void Eligible_IsExactlyHavingNoViolation_AndEveryFindingIsBilingual()
    {
        var date = new DateOnly(2025, 6, 1);
        var cases = new List<PartnershipFacts>();
        foreach (var kind in PartnershipCodes.AllKinds)
        {
            foreach (var status in PartnershipCodes.AllStatuses)
            {
                cases.Add(Shipped.Partnership($"{kind}-{status}-1", kind, status, ["Gent"], motivation: status == PartnershipStatus.Changed ? "reden" : null));
                cases.Add(Shipped.Partnership($"{kind}-{status}-2", kind, status, Scheldeland, "Hamme"));
                cases.Add(Shipped.Partnership($"{kind}-{status}-3", kind, status, ["Halen", "Leopoldsburg"], "Diest"));
            }
        }

        // One at a time: together they would all share municipalities (R3).
        var results = cases.Select(p => EligibilityRules.EvaluateOne(p, Shipped.Snapshot.EligibilityContext(date))).ToList();

        Assert.Contains(results, r => r.Eligible);
        Assert.Contains(results, r => !r.Eligible);
        Assert.Contains(results, r => r.Eligible && r.Findings.Count > 0);
        foreach (var r in results)
        {
            Assert.Equal(r.Findings.All(f => f.Severity != Severity.Violation), r.Eligible);
            foreach (var f in r.Findings)
            {
                Assert.StartsWith(f.Rule + ":", f.Message.Nl, StringComparison.Ordinal);
                Assert.StartsWith(f.Rule + ":", f.Message.En, StringComparison.Ordinal);
                Assert.NotEqual(f.Message.Nl, f.Message.En);
                Assert.Equal(f.Message.En, f.Message.For(Formats.English));
                Assert.Equal(f.Message.Nl, f.Message.For(Formats.Dutch));
            }
        }
    }

    [Fact]
    public void Evaluate_ReturnsOneResultPerPartnershipInOrder()
    {
        PartnershipFacts[] partnerships = [Shipped.CentralCity("Gent"), Shipped.CentralCity("Aalst"), Shipped.CentralCity("Leuven")];

        var results = EligibilityRules.Evaluate(partnerships, Shipped.Snapshot.EligibilityContext(CallDate));

        Assert.Equal(["Gent", "Aalst", "Leuven"], results.Select(r => r.Partnership));
    }
}
