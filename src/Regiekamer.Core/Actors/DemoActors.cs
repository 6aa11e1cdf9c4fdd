using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Actors;

/// <summary>
/// Fictitious actors for the demo (Development): three per demo partnership for the first few, every one named "Demo …",
/// marked <see cref="Actor.IsDemo"/>, without an enterprise number (a made-up number could be a real enterprise's), with
/// a recognition, a tie to a member municipality and a link between two of them, so that the pages are filled. Each
/// is audited as any actor is.
/// </summary>
public static class DemoActors
{
    public const int Partnerships = 3;

    public static async Task<int> SeedAsync(RegiekamerDb db, AuditTrail audit, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        if (await db.Actors.AnyAsync(a => a.IsDemo, ct))
        {
            return 0;
        }

        var names2025 = await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).ToDictionaryAsync(m => m.NisCode, m => m.Name, ct);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.IsDemo).OrderBy(p => p.Id).Take(Partnerships).ToListAsync(ct);
        var created = new List<(Actor Actor, ActorTie Tie, ActorRecognition? Recognition)>();
        var links = new List<ActorLink>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in partnerships)
        {
            var members = p.Members.Select(m => m.NisCode).Where(names2025.ContainsKey).Order().ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var place = names2025[members[0]];
            var second = members.Count > 1 ? members[1] : members[0];
            var made = new[]
            {
                Make(p.Id, $"Demo Maatwerkbedrijf {place}", "maatwerkbedrijf", members[0], members, ["arbeidsbeperking", "langdurig-werkzoekenden"], "klantrelatie", members[0], "Maatwerkbedrijf", now),
                Make(p.Id, $"Demo Kringloopcentrum {place}", "kringloopcentrum", second, members, ["afstand-arbeidsmarkt"], "eigen-actor", second, null, now),
                Make(p.Id, $"Demo LDE-initiatief {place}", "lde", members[0], [members[0]], ["leefloners", "vijftigplussers"], "samenwerkingsovereenkomst", members[0], "Lokale diensteneconomie", now),
            };
            db.Actors.AddRange(made.Select(m => m.Actor));
            created.AddRange(made);
        }

        await db.SaveChangesAsync(ct);
        foreach (var group in created.GroupBy(c => c.Actor.PartnershipId))
        {
            var three = group.ToList();
            var link = new ActorLink { FromActorId = three[0].Actor.Id, ToActorId = three[1].Actor.Id, About = "Demo: doorverwijzing van doelgroepwerknemers en gedeelde opleidingen", Since = new DateOnly(2022, 1, 1), CreatedAtUtc = now };
            db.ActorLinks.Add(link);
            links.Add(link);
        }

        await db.SaveChangesAsync(ct);
        foreach (var (actor, tie, recognition) in created)
        {
            audit.Record(new ActorCreated(actor.Id, ActorSnapshot.Of(actor)));
            if (recognition is not null)
            {
                audit.Record(new ActorRecognitionAdded(actor.Id, ActorRecognitionSnapshot.Of(recognition)));
            }

            audit.Record(new ActorTieAdded(actor.Id, ActorTieSnapshot.Of(tie)));
        }

        foreach (var link in links)
        {
            audit.Record(new ActorLinkAdded(link.FromActorId, ActorLinkSnapshot.Of(link)));
            audit.Record(new ActorLinkAdded(link.ToActorId, ActorLinkSnapshot.Of(link)));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created.Count;
    }

    private static (Actor Actor, ActorTie Tie, ActorRecognition? Recognition) Make(
        int partnershipId, string name, string kind, NisCode municipality, IReadOnlyList<NisCode> served, IReadOnlyList<string> groups, string tieKind, NisCode tieWith, string? recognised, DateTime now)
    {
        var valid = new ValidActor(
            name, null, kind, "Demostraat", "1", null, municipality, null, null, null,
            "Demo: een fictieve actor om de inventaris te tonen; geen echte organisatie.", "Demo: werk op maat voor wie moeilijk een plaats vindt op de arbeidsmarkt.",
            groups, served);
        var actor = Actor.Create(partnershipId, valid, now, isDemo: true);
        var recognition = recognised is null ? null : actor.AddRecognition(new ValidRecognition(recognised + " (demo)", "Departement WSE", new DateOnly(2019, 1, 1), null), now);
        var tie = actor.AddTie(new ValidTie(tieWith, tieKind, "Demo"), now);
        return (actor, tie, recognition);
    }
}
