using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

public enum DiffKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between two versions, as a civil servant reads it: in which part (<see cref="Section"/>), about what
/// (<see cref="Item"/>: a member, an action by its title), which field, and the value before and after.
/// </summary>
public sealed record DiffEntry(DiffSection Section, string? Item, Bilingual Field, DiffKind Kind, string? Old, string? New)
{
    /// <summary>A long text (an action's description): shown as a word diff rather than two blocks.</summary>
    public bool IsLongText { get; init; }
}

public enum DiffSection
{
    Partnership,
    Information,
    Commitments,
    Plan,
}

/// <summary>Field by field what changed between two submitted versions (pure: two contents in, a list out).</summary>
public static class ApplicationDiff
{
    public static IReadOnlyList<DiffEntry> Compare(ApplicationContent from, ApplicationContent to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var diff = new List<DiffEntry>();
        var (a, b) = (from.Partnership, to.Partnership);
        Field(diff, DiffSection.Partnership, null, new("Naam", "Name"), a.Name, b.Name);
        Field(diff, DiffSection.Partnership, null, new("Rechtsvorm", "Kind"), a.Kind, b.Kind);
        Field(diff, DiffSection.Partnership, null, new("Status", "Status"), a.Status, b.Status);
        Field(diff, DiffSection.Partnership, null, new("Beherende gemeente", "Managing municipality"), a.ManagingMunicipality, b.ManagingMunicipality);
        Field(diff, DiffSection.Partnership, null, new("Motivering van de wijziging", "Motivation for the change"), a.ChangeMotivation, b.ChangeMotivation, longText: true);
        var membersBefore = a.Members.ToDictionary(m => m.NisCode, StringComparer.Ordinal);
        var membersAfter = b.Members.ToDictionary(m => m.NisCode, StringComparer.Ordinal);
        foreach (var m in b.Members.Where(m => !membersBefore.ContainsKey(m.NisCode)))
        {
            diff.Add(new(DiffSection.Partnership, $"{m.Name} ({m.NisCode})", new("Lid", "Member"), DiffKind.Added, null, m.Name));
        }

        foreach (var m in a.Members.Where(m => !membersAfter.ContainsKey(m.NisCode)))
        {
            diff.Add(new(DiffSection.Partnership, $"{m.Name} ({m.NisCode})", new("Lid", "Member"), DiffKind.Removed, m.Name, null));
        }

        var (i, j) = (from.Information, to.Information);
        Field(diff, DiffSection.Information, null, new("Werkt met BBC", "Works with BBC"), YesNo(i.BbcUser), YesNo(j.BbcUser));
        Field(diff, DiffSection.Information, null, new("KBO-nummer begunstigde", "Beneficiary's KBO number"), i.BeneficiaryKbo, j.BeneficiaryKbo);
        Field(diff, DiffSection.Information, null, new("Rekeningnummer (IBAN)", "Bank account (IBAN)"), i.Iban, j.Iban);
        Field(diff, DiffSection.Information, null, new("Wijk-werken in het gebied", "Wijk-werken in the area"), YesNo(i.WijkWerken), YesNo(j.WijkWerken));

        var commitmentsBefore = from.Commitments.ToDictionary(c => c.NisCode, StringComparer.Ordinal);
        foreach (var c in to.Commitments)
        {
            var item = $"{c.Name} ({c.NisCode})";
            if (!commitmentsBefore.TryGetValue(c.NisCode, out var old))
            {
                diff.Add(new(DiffSection.Commitments, item, new("Verbintenisverklaring", "Commitment statement"), DiffKind.Added, null, $"{c.FileName}, {c.CouncilDecisionDate}"));
                continue;
            }

            Field(diff, DiffSection.Commitments, item, new("Bestand", "File"), $"{old.FileName} ({Short(old.Sha256)})", $"{c.FileName} ({Short(c.Sha256)})");
            Field(diff, DiffSection.Commitments, item, new("Datum gemeenteraadsbesluit", "Date of the council decision"), old.CouncilDecisionDate, c.CouncilDecisionDate);
        }

        foreach (var c in from.Commitments.Where(c => to.Commitments.All(n => n.NisCode != c.NisCode)))
        {
            diff.Add(new(DiffSection.Commitments, $"{c.Name} ({c.NisCode})", new("Verbintenisverklaring", "Commitment statement"), DiffKind.Removed, $"{c.FileName}, {c.CouncilDecisionDate}", null));
        }

        ComparePlans(diff, from, to);
        return diff;
    }

    /// <summary>
    /// Actions are matched by their id (an action edited in the browser keeps it), then, for those left, by their short
    /// description (a re-imported plan gives every action a new id).
    /// </summary>
    private static void ComparePlans(List<DiffEntry> diff, ApplicationContent from, ApplicationContent to)
    {
        var unmatchedOld = from.Actions.ToList();
        var pairs = new List<(ContentAction Old, ContentAction New)>();
        var added = new List<ContentAction>();
        foreach (var action in to.Actions)
        {
            var match = unmatchedOld.FirstOrDefault(o => o.Id == action.Id);
            if (match is not null)
            {
                unmatchedOld.Remove(match);
                pairs.Add((match, action));
            }
            else
            {
                added.Add(action);
            }
        }

        foreach (var action in added.ToList())
        {
            var match = unmatchedOld.FirstOrDefault(o => string.Equals(o.ShortDescription, action.ShortDescription, StringComparison.Ordinal));
            if (match is not null)
            {
                unmatchedOld.Remove(match);
                added.Remove(action);
                pairs.Add((match, action));
            }
        }

        foreach (var (old, @new) in pairs.OrderBy(p => p.New.Position))
        {
            var item = @new.ShortDescription;
            Field(diff, DiffSection.Plan, item, new("Actie omschrijving", "Short description"), old.ShortDescription, @new.ShortDescription);
            Field(diff, DiffSection.Plan, item, new("Code", "Code"), old.Code, @new.Code);
            Field(diff, DiffSection.Plan, item, new("Beleidsdoelstelling", "Policy goal"), old.PolicyGoal, @new.PolicyGoal);
            Field(diff, DiffSection.Plan, item, new("Actieplan", "Action plan"), old.ActionPlan, @new.ActionPlan);
            Field(diff, DiffSection.Plan, item, new("Actie lange omschrijving", "Long description"), old.LongDescription, @new.LongDescription, longText: true);
            Field(diff, DiffSection.Plan, item, new("Actie commentaar", "Comment"), old.Comment, @new.Comment, longText: true);
            foreach (var year in old.Amounts.Keys.Union(@new.Amounts.Keys).Order(StringComparer.Ordinal))
            {
                Field(diff, DiffSection.Plan, item, new($"Bedrag {year}", $"Amount {year}"), old.Amounts.GetValueOrDefault(year), @new.Amounts.GetValueOrDefault(year));
            }
        }

        foreach (var action in added)
        {
            diff.Add(new(DiffSection.Plan, action.ShortDescription, new("Actie", "Action"), DiffKind.Added, null, Summary(action)));
        }

        foreach (var action in unmatchedOld)
        {
            diff.Add(new(DiffSection.Plan, action.ShortDescription, new("Actie", "Action"), DiffKind.Removed, Summary(action), null));
        }
    }

    private static string Summary(ContentAction a) =>
        $"{a.Code}; " + string.Join("; ", a.Amounts.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}: {x.Value}"));

    private static void Field(List<DiffEntry> diff, DiffSection section, string? item, Bilingual field, string? old, string? @new, bool longText = false)
    {
        var o = string.IsNullOrEmpty(old) ? null : old;
        var n = string.IsNullOrEmpty(@new) ? null : @new;
        if (string.Equals(o, n, StringComparison.Ordinal))
        {
            return;
        }

        var kind = o is null ? DiffKind.Added : n is null ? DiffKind.Removed : DiffKind.Changed;
        diff.Add(new(section, item, field, kind, o, n) { IsLongText = longText });
    }

    private static string? YesNo(bool? value) => value switch
    {
        true => "ja",
        false => "nee",
        null => null,
    };

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
