using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications;

/// <summary>
/// The demo's application dossier, so that a newcomer can walk the whole flow with the demo accounts although the real
/// deadline (15/01/2023) has passed: Scheldeland's draft for the 2023-2025 call, its plan the example actions of the
/// manual's annex (seed 003), and a recorded extension of a year from the day the demo is seeded, labelled as demo.
/// The call's own deadline is never moved. Development only (with the demo accounts).
/// </summary>
public static class DemoDossier
{
    public const string ExtensionMotivation =
        "Demo: uitstel van een jaar zodat nieuwe gebruikers de hele aanvraag kunnen doorlopen met de demo-accounts. De echte indiendatum van de oproep (15/01/2023) blijft ongewijzigd.";

    /// <summary>Creates the demo dossier when Scheldeland has none for the latest call; returns its id, or null when there was one already.</summary>
    public static async Task<int?> SeedAsync(RegiekamerDb db, CallService calls, ApplicationService applications, ReviewService reviews, BrusselsClock clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(clock);
        var scheldeland = await db.Partnerships.AsNoTracking().Where(p => p.IsDemo && p.Name == DemoAccounts.ScheldelandName).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var call = await calls.LatestAsync(ct);
        if (scheldeland is not { } partnershipId || call is null || await applications.FindAsync(partnershipId, call.Id, ct) is not null)
        {
            return null;
        }

        var started = await applications.StartAsync(partnershipId, call.Id, ct);
        var id = Check(started).Id;
        await using (var plan = AnnexPlan())
        {
            Check(await applications.ImportPlanAsync(id, plan, "bijlage-handleiding-2023-2025.csv", ct));
        }

        Check(await reviews.GrantExtensionAsync(id, clock.Today.AddYears(1), ExtensionMotivation, ct));
        return id;
    }

    /// <summary>The example actions of the manual's annex (seed 003) as a plan file, for the demo's dossiers.</summary>
    public static Stream AnnexPlan() =>
        typeof(DemoDossier).Assembly.GetManifestResourceStream("Regiekamer.Applications.Demo.annex-plan-2023-2025.csv")
            ?? throw new InvalidOperationException("The demo plan is not embedded in Regiekamer.Core.");

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException("The demo dossier could not be made: " + string.Join(" ", result.Errors.Select(e => e.Message.En)));
}
