using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Allocation;

public class WhatIfTests
{
    private static readonly DateOnly On = new(2025, 6, 1);
    private static readonly Money Budget = Money.FromEuros(3_000_000);

    // Inhabitants 1/1/2020: Zuid-Oost Limburg = Tongeren 31,142 + Riemst 16,759 + Voeren 4,175 + Hoeselt 9,730 = 61,806;
    // without Voeren 57,631, below R2's 60,000.
    private static readonly PartnershipFacts[] Partnerships =
    [
        Shipped.Interlocal("Scheldeland", "Hamme", "Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"),
        Shipped.CentralCity("Gent"),
        Shipped.Interlocal("Zuid-Oost Limburg", "Tongeren", "Tongeren", "Riemst", "Voeren", "Hoeselt"),
        Shipped.Partnership("Midden-Limburg", PartnershipKind.ProjectAssociation, PartnershipStatus.New, ["Halen", "Leopoldsburg", "Bilzen", "Herk-de-Stad"]),
    ];

    private static WhatIfOutcome Apply(WhatIfChange change, IReadOnlyList<PartnershipFacts>? partnerships = null)
    {
        var result = WhatIf.Apply(partnerships ?? Partnerships, change, Shipped.Snapshot, On, Budget, AllocationWeights.Default);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Errors[0].Message.En);
        return result.Value!;
    }

    /// <summary>Amounts by the reference implementation from the members' shipped figures.</summary>
    private static Dictionary<string, long> ReferenceAmounts(IEnumerable<PartnershipFacts> eligible)
    {
        var inputs = eligible.Select(p => (p.Name, p.Members.Sum(Shipped.Snapshot.WorkingAge)!.Value, p.Members.Sum(Shipped.Snapshot.JobSeekers)!.Value)).ToList();
        return ReferenceAllocation.Allocate(inputs, Budget.Cents, 40, 20, 40).ToDictionary(l => l.Name, l => l.Total);
    }

    [Fact]
    public void AddingAMunicipality_RaisesThatPartnership_AndTheTotalStaysTheBudget()
    {
        var outcome = Apply(new WhatIfChange(WhatIfAction.AddMunicipality, "Scheldeland", Shipped.Code("Berlare"), null));

        var scheldeland = outcome.Rows.Single(r => r.Partnership == "Scheldeland");
        Assert.True(scheldeland.After > scheldeland.Before);
        Assert.True(scheldeland.Change > Money.Zero);
        Assert.All(outcome.Rows.Where(r => r.Partnership != "Scheldeland"), r => Assert.True(r.After <= r.Before));
        Assert.Equal(Budget.Cents, outcome.Rows.Sum(r => r.Before.Cents));
        Assert.Equal(Budget.Cents, outcome.Rows.Sum(r => r.After.Cents));
        Assert.Equal(Budget, outcome.Budget);

        var expectedBefore = ReferenceAmounts(Partnerships);
        var expectedAfter = ReferenceAmounts(Partnerships.Select(p => p.Name == "Scheldeland" ? p with { Members = [.. p.Members, Shipped.Code("Berlare")] } : p));
        Assert.All(outcome.Rows, r => Assert.Equal((expectedBefore[r.Partnership], expectedAfter[r.Partnership]), (r.Before.Cents, r.After.Cents)));
    }

    [Fact]
    public void RemovingAMunicipalityBelow60000_MakesItIneligibleWithAmountZero()
    {
        var outcome = Apply(new WhatIfChange(WhatIfAction.RemoveMunicipality, "Zuid-Oost Limburg", Shipped.Code("Voeren"), null));

        var zol = outcome.Rows.Single(r => r.Partnership == "Zuid-Oost Limburg");
        Assert.True(zol.EligibleBefore);
        Assert.False(zol.EligibleAfter);
        Assert.True(zol.Before > Money.Zero);
        Assert.Equal(Money.Zero, zol.After);
        Assert.Equal("R2: 57.631 inwoners (Statbel, 1/1/2020) is minder dan 60.000", Assert.Single(zol.FindingsAfter).Message.Nl);
        Assert.Equal(Budget.Cents, outcome.Rows.Sum(r => r.After.Cents));
        Assert.All(outcome.Rows.Where(r => r != zol), r => Assert.True(r.After > r.Before));

        var expectedAfter = ReferenceAmounts(Partnerships.Where(p => p.Name != "Zuid-Oost Limburg"));
        Assert.All(outcome.Rows.Where(r => r != zol), r => Assert.Equal(expectedAfter[r.Partnership], r.After.Cents));
    }

    [Fact]
    public void Rows_AreOrderedByName_AndKeepWarnings()
    {
        var outcome = Apply(new WhatIfChange(WhatIfAction.AddMunicipality, "Midden-Limburg", Shipped.Code("Lummen"), null));

        Assert.Equal(["Gent", "Midden-Limburg", "Scheldeland", "Zuid-Oost Limburg"], outcome.Rows.Select(r => r.Partnership));
        var scheldeland = outcome.Rows.Single(r => r.Partnership == "Scheldeland");
        Assert.True(scheldeland.EligibleAfter);
        Assert.Equal((Rules.R5, Severity.Warning), (Assert.Single(scheldeland.FindingsAfter).Rule, scheldeland.FindingsAfter[0].Severity));
    }

    [Fact]
    public void AddingAPartnership_ShowsItWithNoAmountBefore()
    {
        var kempen = Shipped.Partnership("Kempen", PartnershipKind.ServiceAssociation, PartnershipStatus.New, ["Turnhout", "Oud-Turnhout", "Beerse", "Vosselaar"]);

        var outcome = Apply(new WhatIfChange(WhatIfAction.AddPartnership, null, null, kempen));

        var row = outcome.Rows.Single(r => r.Partnership == "Kempen");
        Assert.Equal(Money.Zero, row.Before);
        Assert.False(row.EligibleBefore);
        Assert.True(row.EligibleAfter);
        Assert.True(row.After > Money.Zero);
        Assert.Equal(5, outcome.Rows.Count);
        Assert.Equal(Budget.Cents, outcome.Rows.Sum(r => r.After.Cents));
    }

    [Fact]
    public void UnknownPartnership_IsNotFound()
    {
        var result = WhatIf.Apply(Partnerships, new WhatIfChange(WhatIfAction.AddMunicipality, "Nergens", Shipped.Code("Berlare"), null), Shipped.Snapshot, On, Budget, AllocationWeights.Default);

        Assert.Equal(ErrorKind.NotFound, Assert.Single(result.Errors).Kind);
        Assert.Contains("Nergens", result.Errors[0].Message.Nl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WhatIfAction.AddMunicipality, "Hamme")]
    [InlineData(WhatIfAction.RemoveMunicipality, "Berlare")]
    public void AddingAMemberOrRemovingANonMember_IsAValidationErrorNamingIt(WhatIfAction action, string municipality)
    {
        var result = WhatIf.Apply(Partnerships, new WhatIfChange(action, "Scheldeland", Shipped.Code(municipality), null), Shipped.Snapshot, On, Budget, AllocationWeights.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("validation", "municipality"), (error.Code, error.Field));
        Assert.Contains(municipality, error.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAPartnershipWithATakenName_IsAConflict()
    {
        var result = WhatIf.Apply(Partnerships, new WhatIfChange(WhatIfAction.AddPartnership, null, null, Shipped.CentralCity("Gent")), Shipped.Snapshot, On, Budget, AllocationWeights.Default);

        Assert.Equal(ErrorKind.Conflict, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void JoinTable_HasEveryUncoveredMunicipalityWithEveryPartnershipOfItsRegion_EachAFullReallocation()
    {
        var snapshot = Shipped.Snapshot;
        var table = WhatIf.JoinTable(Partnerships, snapshot, Budget, AllocationWeights.Default);

        var covered = Partnerships.SelectMany(p => p.Members).ToHashSet();
        var expectedPairs = (
            from m in snapshot.Municipalities
            where !covered.Contains(m.NisCode)
            from p in Partnerships
            where p.Members.Any(x => snapshot.Region(x)!.RegionCode == snapshot.Region(m.NisCode)!.RegionCode)
            select (m.NisCode, p.Name)).ToList();
        Assert.Equal(expectedPairs.Order(), table.Select(o => (o.Municipality, o.Partnership)).Order());

        // Scheldeland spans Denderregio and Regio Gent, Gent only Regio Gent, the two Limburg ones Limburg: 11 + 2·20 + 2·34 lines.
        Assert.Equal(11 + (2 * 20) + (2 * 34), table.Count);

        var before = ReferenceAmounts(Partnerships);
        foreach (var option in table)
        {
            var after = ReferenceAmounts(Partnerships.Select(p => p.Name == option.Partnership ? p with { Members = [.. p.Members, option.Municipality] } : p));
            Assert.Equal(before[option.Partnership], option.Before.Cents);
            Assert.Equal(after[option.Partnership], option.After.Cents);
            Assert.True(option.Change > Money.Zero, $"{option.Municipality} joining {option.Partnership}");
            Assert.Equal(option.Before - option.After, option.OthersChange);
        }
    }

    [Fact]
    public void JoinTable_WithAMemberWithoutFigures_IsEmpty()
    {
        var withUnknown = new PartnershipFacts("Onbekend", PartnershipKind.ProjectAssociation, PartnershipStatus.New, [NisCode.Parse("99999")], null, null);

        Assert.Empty(WhatIf.JoinTable([.. Partnerships, withUnknown], Shipped.Snapshot, Budget, AllocationWeights.Default));
    }
}
