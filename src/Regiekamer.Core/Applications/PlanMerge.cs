using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

/// <summary>The outcome of merging two people's edits of one action: the merged values, and the fields both changed differently.</summary>
public sealed record MergeOutcome(PlannedActionValues Result, IReadOnlyList<string> Conflicts);

/// <summary>
/// A three-way merge of one action, field by field (pure): what a person read (<c>basis</c>), what they saved
/// (<c>mine</c>) and what is stored now (<c>theirs</c>). A field only one side changed takes that change; a field
/// both changed to the same value is fine; a field both changed differently is a conflict. Amounts merge per year.
/// Field names are the API's: shortDescription, amounts.2024, …
/// </summary>
public static class PlanMerge
{
    public static MergeOutcome Merge(PlannedActionValues basis, PlannedActionValues mine, PlannedActionValues theirs)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var conflicts = new List<string>();
        T Pick<T>(string field, T b, T m, T t)
        {
            if (EqualityComparer<T>.Default.Equals(m, b) || EqualityComparer<T>.Default.Equals(m, t))
            {
                return t;
            }

            if (EqualityComparer<T>.Default.Equals(t, b))
            {
                return m;
            }

            conflicts.Add(field);
            return m;
        }

        var policyGoal = Pick("policyGoal", basis.PolicyGoal, mine.PolicyGoal, theirs.PolicyGoal);
        var actionPlan = Pick("actionPlan", basis.ActionPlan, mine.ActionPlan, theirs.ActionPlan);
        var shortDescription = Pick("shortDescription", basis.ShortDescription, mine.ShortDescription, theirs.ShortDescription);
        var longDescription = Pick("longDescription", basis.LongDescription, mine.LongDescription, theirs.LongDescription);
        var comment = Pick("comment", basis.Comment, mine.Comment, theirs.Comment);
        var code = Pick("code", basis.Code, mine.Code, theirs.Code);
        var amounts = new List<KeyValuePair<int, Money>>();
        foreach (var year in basis.Amounts.Keys.Union(mine.Amounts.Keys).Union(theirs.Amounts.Keys).Order())
        {
            var picked = Pick($"amounts.{year}", Amount(basis, year), Amount(mine, year), Amount(theirs, year));
            if (picked is { } amount)
            {
                amounts.Add(new(year, amount));
            }
        }

        return new MergeOutcome(new PlannedActionValues(policyGoal, actionPlan, shortDescription, longDescription, comment, code, new YearAmounts(amounts)), conflicts);
    }

    /// <summary>The fields in which two versions of an action differ.</summary>
    public static IReadOnlyList<string> ChangedFields(PlannedActionValues a, PlannedActionValues b) => Differences(a, b);

    private static List<string> Differences(PlannedActionValues a, PlannedActionValues b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var fields = new List<string>();
        if (a.PolicyGoal != b.PolicyGoal)
        {
            fields.Add("policyGoal");
        }

        if (a.ActionPlan != b.ActionPlan)
        {
            fields.Add("actionPlan");
        }

        if (a.ShortDescription != b.ShortDescription)
        {
            fields.Add("shortDescription");
        }

        if (a.LongDescription != b.LongDescription)
        {
            fields.Add("longDescription");
        }

        if (a.Comment != b.Comment)
        {
            fields.Add("comment");
        }

        if (a.Code != b.Code)
        {
            fields.Add("code");
        }

        fields.AddRange(a.Amounts.Keys.Union(b.Amounts.Keys).Order().Where(y => Amount(a, y) != Amount(b, y)).Select(y => $"amounts.{y}"));
        return fields;
    }

    private static Money? Amount(PlannedActionValues v, int year) => v.Amounts.TryGetValue(year, out var m) ? m : null;
}
