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
        var merge = new ThreeWay();
        T Pick<T>(string field, T b, T m, T t) => merge.Pick(field, b, m, t);

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

        return new MergeOutcome(new PlannedActionValues(policyGoal, actionPlan, shortDescription, longDescription, comment, code, new YearAmounts(amounts)), merge.Conflicts);
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

/// <summary>
/// Picks each field of a three-way merge: what a person read (<c>b</c>), what they saved (<c>m</c>) and what is
/// stored now (<c>t</c>). A field only one side changed takes that change; both changed alike is fine; both changed
/// differently is a conflict (the person's value is proposed, the field named).
/// </summary>
public sealed class ThreeWay
{
    private readonly List<string> conflicts = [];

    public IReadOnlyList<string> Conflicts => conflicts;

    public T Pick<T>(string field, T b, T m, T t)
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
}

/// <summary>The outcome of merging two people's edits of the information form.</summary>
public sealed record InformationMergeOutcome(ApplicationInformation Result, IReadOnlyList<string> Conflicts);

/// <summary>
/// A three-way merge of the information form's own fields (pure), as <see cref="PlanMerge"/> does for an action.
/// Field names are the form's: bbcUser, beneficiaryKbo, iban, regisseurName, …, wijkWerken.
/// </summary>
public static class InformationMerge
{
    public static InformationMergeOutcome Merge(ApplicationInformation basis, ApplicationInformation mine, ApplicationInformation theirs)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var merge = new ThreeWay();
        ContactPerson Contact(string who, ContactPerson b, ContactPerson m, ContactPerson t) => new(
            merge.Pick(who + "Name", b.Name, m.Name, t.Name),
            merge.Pick(who + "Email", b.Email, m.Email, t.Email),
            merge.Pick(who + "Phone", b.Phone, m.Phone, t.Phone));

        var result = new ApplicationInformation(
            merge.Pick("bbcUser", basis.BbcUser, mine.BbcUser, theirs.BbcUser),
            merge.Pick("beneficiaryKbo", basis.BeneficiaryKbo, mine.BeneficiaryKbo, theirs.BeneficiaryKbo),
            merge.Pick("iban", basis.Iban, mine.Iban, theirs.Iban),
            Contact("regisseur", basis.Regisseur, mine.Regisseur, theirs.Regisseur),
            Contact("signatory", basis.Signatory, mine.Signatory, theirs.Signatory),
            merge.Pick("wijkWerken", basis.WijkWerken, mine.WijkWerken, theirs.WijkWerken));
        return new InformationMergeOutcome(result, merge.Conflicts);
    }

    /// <summary>The fields in which two versions of the information form differ.</summary>
    public static IReadOnlyList<string> ChangedFields(ApplicationInformation a, ApplicationInformation b) =>
        Fields(a).Zip(Fields(b)).Where(p => !Equals(p.First.Value, p.Second.Value)).Select(p => p.First.Field).ToList();

    /// <summary>Every field of the form by its name, with its value (text, or true/false for the yes/no questions).</summary>
    public static IReadOnlyList<(string Field, object? Value)> Fields(ApplicationInformation i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return
        [
            ("bbcUser", i.BbcUser), ("beneficiaryKbo", i.BeneficiaryKbo), ("iban", i.Iban),
            ("regisseurName", i.Regisseur.Name), ("regisseurEmail", i.Regisseur.Email), ("regisseurPhone", i.Regisseur.Phone),
            ("signatoryName", i.Signatory.Name), ("signatoryEmail", i.Signatory.Email), ("signatoryPhone", i.Signatory.Phone),
            ("wijkWerken", i.WijkWerken),
        ];
    }
}
