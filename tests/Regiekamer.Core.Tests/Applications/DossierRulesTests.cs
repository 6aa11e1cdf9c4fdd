using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Applications;

/// <summary>R8's deadline on a clock, the merge of two people's edits of one action, and the differences between two versions.</summary>
public sealed class DossierRulesTests
{
    private static readonly DateOnly Deadline = new(2023, 1, 15);

    [Fact]
    public void Deadline_HoldsUntil235959BrusselsTime_OfItsDay()
    {
        // 15/1/2023 23:59:59 in Brussels is 22:59:59 UTC (winter time, UTC+1).
        Assert.False(DeadlineState.Of(Deadline, null, null, new DateTime(2023, 1, 14, 22, 59, 0, DateTimeKind.Utc)).Passed);
        Assert.False(DeadlineState.Of(Deadline, null, null, new DateTime(2023, 1, 15, 22, 59, 59, DateTimeKind.Utc)).Passed);
        Assert.True(DeadlineState.Of(Deadline, null, null, new DateTime(2023, 1, 15, 23, 0, 0, DateTimeKind.Utc)).Passed);
        Assert.Equal(new DateTime(2023, 1, 15, 23, 0, 0, DateTimeKind.Utc).AddTicks(-1), DeadlineState.Of(Deadline, null, null, new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc)).LastMomentUtc);
    }

    [Fact]
    public void Deadline_InSummer_IsTwoHoursAheadOfUtc()
    {
        var july = new DateOnly(2023, 7, 1);
        Assert.False(DeadlineState.Of(july, null, null, new DateTime(2023, 7, 1, 21, 59, 59, DateTimeKind.Utc)).Passed);
        Assert.True(DeadlineState.Of(july, null, null, new DateTime(2023, 7, 1, 22, 0, 0, DateTimeKind.Utc)).Passed);
    }

    [Fact]
    public void AnExtension_MovesTheLastDay_ButNeverBeforeTheCallsDeadline()
    {
        var after = new DateTime(2023, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        var extended = DeadlineState.Of(Deadline, new DateOnly(2023, 2, 1), "Overmacht: gemeenteraad uitgesteld", after);
        Assert.False(extended.Passed);
        Assert.Equal(new DateOnly(2023, 2, 1), extended.LastDay);
        Assert.True(extended.PastCallDeadline(after));

        var earlier = DeadlineState.Of(Deadline, new DateOnly(2023, 1, 10), "te vroeg", new DateTime(2023, 1, 14, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(Deadline, earlier.LastDay);
    }

    private static PlannedActionValues Action(string title = "Meet & greet", string? comment = null, long? amount2023 = 250_000, string code = "WSE-LR1") =>
        new("Doel", "Plan", title, "<p>Wat en waarom</p>", comment, code, new YearAmounts(amount2023 is { } a ? [new(2023, new Money(a)), new(2024, new Money(a))] : [new(2024, new Money(100))]));

    [Fact]
    public void Merge_TakesEachSidesChange_OfDifferentFields()
    {
        var basis = Action();
        var mine = basis with { ShortDescription = "Jaarlijkse meet & greet" };
        var theirs = basis with { Comment = "Resultaat: 40 deelnemers" };

        var merged = PlanMerge.Merge(basis, mine, theirs);

        Assert.Empty(merged.Conflicts);
        Assert.Equal("Jaarlijkse meet & greet", merged.Result.ShortDescription);
        Assert.Equal("Resultaat: 40 deelnemers", merged.Result.Comment);
    }

    [Fact]
    public void Merge_NamesAFieldBothChangedDifferently_AndAgreesWhereBothChangedAlike()
    {
        var basis = Action();
        var mine = basis with { ShortDescription = "Versie A", Code = "WSE-LR3" };
        var theirs = basis with { ShortDescription = "Versie B", Code = "WSE-LR3" };

        var merged = PlanMerge.Merge(basis, mine, theirs);

        Assert.Equal(["shortDescription"], merged.Conflicts);
        Assert.Equal("WSE-LR3", merged.Result.Code);
    }

    [Fact]
    public void Merge_WorksPerYear_ForAmounts()
    {
        var basis = Action();
        var mine = basis with { Amounts = new YearAmounts([new(2023, new Money(300_000)), new(2024, new Money(250_000))]) };
        var theirs = basis with { Amounts = new YearAmounts([new(2023, new Money(250_000)), new(2024, new Money(0)), new(2025, new Money(500))]) };

        var merged = PlanMerge.Merge(basis, mine, theirs);

        Assert.Empty(merged.Conflicts);
        Assert.Equal(new Money(300_000), merged.Result.Amounts[2023]);
        Assert.Equal(Money.Zero, merged.Result.Amounts[2024]);
        Assert.Equal(new Money(500), merged.Result.Amounts[2025]);

        var clash = PlanMerge.Merge(basis, mine, basis with { Amounts = new YearAmounts([new(2023, new Money(1)), new(2024, new Money(250_000))]) });
        Assert.Equal(["amounts.2023"], clash.Conflicts);
    }

    [Fact]
    public void InformationMerge_KeepsBothPeoplesFields_AndNamesAContactFieldBothChanged()
    {
        var basis = new ApplicationInformation(true, "0316381039", null, new ContactPerson("Rita", "rita@example.be", null), new ContactPerson("Olivier", null, null), null);
        var mine = basis with { Iban = "BE68539007547034", Regisseur = basis.Regisseur with { Phone = "09 123 45 67" } };
        var theirs = basis with { WijkWerken = true, Regisseur = basis.Regisseur with { Email = "rita@gent.be" } };

        var merged = InformationMerge.Merge(basis, mine, theirs);

        Assert.Empty(merged.Conflicts);
        Assert.Equal(basis with { Iban = "BE68539007547034", WijkWerken = true, Regisseur = new ContactPerson("Rita", "rita@gent.be", "09 123 45 67") }, merged.Result);

        var clash = InformationMerge.Merge(basis, mine with { BbcUser = false, Signatory = new ContactPerson("Olivia", null, null) }, theirs with { BbcUser = null, Signatory = new ContactPerson("Oscar", null, null) });
        Assert.Equal(["bbcUser", "signatoryName"], clash.Conflicts);
        Assert.Equal(false, clash.Result.BbcUser);
        Assert.Equal(["iban", "regisseurEmail", "regisseurPhone", "wijkWerken"], InformationMerge.ChangedFields(mine, theirs));
    }

    [Fact]
    public void YearAmounts_RoundTripThroughStorage_AndCompareByValue()
    {
        var amounts = new YearAmounts([new(2025, new Money(0)), new(2023, new Money(3_500_000))]);
        Assert.Equal("2023=3500000;2025=0", amounts.ToStorage());
        Assert.Equal(amounts, YearAmounts.FromStorage(amounts.ToStorage()));
        Assert.NotEqual(amounts, YearAmounts.FromStorage("2023=3500000"));
        Assert.Equal(new Money(3_500_000), amounts.Total);
        Assert.Same(YearAmounts.Empty, YearAmounts.FromStorage(""));
    }

    private static ApplicationContent Content(IReadOnlyList<ContentAction> actions, params ContentMember[] members) => new(
        "RK-2023-0001",
        1,
        new ContentCall("2023-2025", 1, "2023-01-15", 2023, 2025),
        new ContentPartnership(1, "Regie Durmeland", "interlocal-association", "changed", members, "42028", "Uitbreiding met Berlare"),
        new ContentInformation(true, "0316381039", "BE68539007547034", false),
        [],
        actions,
        [],
        "2023-01-14");

    [Fact]
    public void Diff_NamesAddedMembers_ChangedAmounts_AndAddedAndRemovedActions()
    {
        var zele = new ContentMember("42028", "Zele");
        var berlare = new ContentMember("42003", "Berlare");
        var meet = new ContentAction(1, 1, null, null, "Meet & greet", "<p>Jaarlijks</p>", null, "WSE-LR1", new Dictionary<string, string> { ["2023"] = "2500.00" });
        var vdab = new ContentAction(2, 2, null, null, "Netwerk VDAB", null, null, "WSE-LR4", new Dictionary<string, string> { ["2023"] = "0.00" });
        var shop = new ContentAction(3, 2, null, null, "Sociaal aankopen", null, null, "WSE-LR3", new Dictionary<string, string> { ["2023"] = "3000.00" });

        var diff = ApplicationDiff.Compare(
            Content([meet, vdab], zele),
            Content([meet with { Amounts = new Dictionary<string, string> { ["2023"] = "3500.00" } }, shop], zele, berlare));

        Assert.Contains(diff, d => d.Section == DiffSection.Partnership && d.Kind == DiffKind.Added && d.New == "Berlare");
        Assert.Contains(diff, d => d.Section == DiffSection.Plan && d.Item == "Meet & greet" && d.Field.En == "Amount 2023" && d.Old == "2500.00" && d.New == "3500.00");
        Assert.Contains(diff, d => d.Section == DiffSection.Plan && d.Item == "Sociaal aankopen" && d.Kind == DiffKind.Added);
        Assert.Contains(diff, d => d.Section == DiffSection.Plan && d.Item == "Netwerk VDAB" && d.Kind == DiffKind.Removed);
        Assert.Equal(4, diff.Count);
    }

    [Fact]
    public void Diff_MatchesReimportedActionsByTheirTitle()
    {
        var before = new ContentAction(7, 1, null, null, "Omgevingsanalyse", null, null, "WSE-LR1", new Dictionary<string, string> { ["2023"] = "3500.00" });
        var reimported = before with { Id = 99, Comment = "Uitbesteed aan X" };

        var diff = ApplicationDiff.Compare(Content([before]), Content([reimported]));

        var change = Assert.Single(diff);
        Assert.Equal("Omgevingsanalyse", change.Item);
        Assert.Equal(DiffKind.Added, change.Kind);
        Assert.Equal("Uitbesteed aan X", change.New);
        Assert.True(change.IsLongText);
    }

    [Fact]
    public void Content_IsCanonical_SoItsHashIsStable()
    {
        var content = Content([new ContentAction(1, 1, null, null, "Zoë en Jürgens actie", null, null, "WSE-LR1", new Dictionary<string, string> { ["2023"] = "1.00" })]);
        var json = content.ToJson();
        Assert.Contains("\"shortDescription\":\"Zoë en Jürgens actie\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ApplicationContent.FromJson(json).ToJson());
        Assert.Equal(64, ApplicationContent.Sha256Of(json).Length);
        Assert.Equal(ApplicationContent.Sha256Of(json), ApplicationContent.Sha256Of(ApplicationContent.FromJson(json).ToJson()));
    }
}
