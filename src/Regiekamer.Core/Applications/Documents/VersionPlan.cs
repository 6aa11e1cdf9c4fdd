using System.Globalization;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>A submitted version's multi-year plan as the plan files and rules read it: <see cref="PlanAction"/>s over the call's period.</summary>
public static class VersionPlan
{
    /// <summary>The call's years (2023-2025).</summary>
    public static PlanPeriod Period(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new PlanPeriod(content.Call.FirstYear, content.Call.LastYear);
    }

    /// <summary>The version's actions in plan order, without a file row (<see cref="PlanAction.Row"/> is null).</summary>
    public static IReadOnlyList<PlanAction> Actions(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Actions.OrderBy(a => a.Position).Select(ToPlanAction).ToList();
    }

    /// <summary>The action with its amounts read back from the stored "35000.00" strings.</summary>
    public static PlanAction ToPlanAction(ContentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var amounts = new SortedDictionary<int, Money>();
        foreach (var (year, text) in action.Amounts)
        {
            amounts[int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture)] = Amount(text);
        }

        return new PlanAction(null, action.PolicyGoal, action.ActionPlan, action.ShortDescription, action.LongDescription, action.Comment, action.Code, amounts);
    }

    /// <summary>The priority × year grid and the totals per year (<see cref="PlanRules.Check"/>).</summary>
    public static PlanCheck Grid(ApplicationContent content) => PlanRules.Check(Actions(content), Period(content));

    /// <summary>"35000.00" or "-10.50" (as <see cref="Money.ToInvariantString"/> writes it) → cents.</summary>
    internal static Money Amount(string text)
    {
        var euros = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new Money(decimal.ToInt64(euros * 100));
    }
}
