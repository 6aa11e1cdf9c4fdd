using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// Part of the hourly reminder job: each catalogue service that is published and not confirmed for 12 months is
/// reported once to its partnership's regisseur (the key names the service and the date it was last confirmed, so a
/// confirmation and a later lapse report it again). After 18 months the public no longer sees it.
/// </summary>
public sealed class CatalogueReminderService(RegiekamerDb db, NotificationService notifications, BrusselsClock clock)
{
    public static string ListLink(int partnershipId) => string.Create(CultureInfo.InvariantCulture, $"/Catalogue/Manage/{partnershipId}");

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var staleOn = CatalogueRules.StaleOnOrBefore(today);
        var stale = await db.Offerings.AsNoTracking().IgnoreAutoIncludes()
            .Where(o => o.Status == OfferingStatus.Published && o.LastConfirmedOn <= staleOn && o.Actor!.ArchivedAtUtc == null)
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.LastConfirmedOn, o.Actor!.PartnershipId, Actor = o.Actor.Name })
            .ToListAsync(ct);
        var made = 0;
        foreach (var o in stale)
        {
            var confirmed = Formats.Date(o.LastConfirmedOn);
            var hidden = CatalogueRules.FreshnessOf(o.LastConfirmedOn, today) == Freshness.Hidden;
            var hiddenOn = Formats.Date(o.LastConfirmedOn.AddMonths(CatalogueRules.HiddenAfterMonths));
            var draft = new NotificationDraft(
                string.Create(CultureInfo.InvariantCulture, $"catalogue-stale:{o.Id}:{CatalogueRules.Day(o.LastConfirmedOn)}"),
                NotificationKind.CatalogueStale,
                o.PartnershipId,
                null,
                new($"Catalogus: \"{o.Title}\" ({o.Actor}) is sinds {confirmed} niet bevestigd", $"Catalogue: \"{o.Title}\" ({o.Actor}) has not been confirmed since {confirmed}"),
                new(
                    hidden
                        ? $"De dienst \"{o.Title}\" van {o.Actor} is 18 maanden niet bevestigd en staat niet meer in de openbare catalogus. Bevestig of werk ze bij om ze opnieuw te tonen."
                        : $"De dienst \"{o.Title}\" van {o.Actor} is 12 maanden niet bevestigd. Bevestig ze of nodig de leverancier uit om ze bij te werken; vanaf {hiddenOn} verdwijnt ze uit de openbare catalogus.",
                    hidden
                        ? $"The service \"{o.Title}\" of {o.Actor} has not been confirmed for 18 months and is no longer in the public catalogue. Confirm or update it to show it again."
                        : $"The service \"{o.Title}\" of {o.Actor} has not been confirmed for 12 months. Confirm it or invite the supplier to update it; from {hiddenOn} it leaves the public catalogue."),
                ListLink(o.PartnershipId));
            var recipients = await notifications.PartnershipRecipientsAsync(o.PartnershipId, [], ct);
            made += await notifications.CreateAsync(draft, recipients, ct);
        }

        return made;
    }
}
