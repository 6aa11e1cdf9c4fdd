using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// The data issue 8's page targets are measured on (bench/wrk/run.sh): 40 dossiers for the review queue, and
/// Scheldeland's demo dossier with a plan of 200 actions. Written into the benchmark's database through the real
/// services, next to the running app: <c>dotnet run -c Release --project bench/Regiekamer.Bench -- seed-dossiers "Data Source=…"</c>.
/// Benchmark data, not demo data: its partnerships are named "Bench …" and overlap the demo ones.
/// </summary>
public static class DossierData
{
    public const int Dossiers = 40;

    public const int PlanActions = 200;

    private static readonly string[] Codes = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    public static async Task<int> SeedAsync(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegiekamerCore(new DatabaseOptions(DatabaseProvider.Sqlite, connection));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var db = s.GetRequiredService<RegiekamerDb>();
        var calls = s.GetRequiredService<CallService>();
        var applications = s.GetRequiredService<ApplicationService>();
        var reviews = s.GetRequiredService<ReviewService>();
        var partnerships = s.GetRequiredService<PartnershipService>();
        var call = await calls.LatestAsync() ?? throw new InvalidOperationException("No call: start the app (it migrates and seeds) first.");
        var until = s.GetRequiredService<BrusselsClock>().Today.AddYears(1);

        // Partnerships up to 40, each of two municipalities of the call's set.
        var existing = await db.Partnerships.AsNoTracking().Where(p => p.MunicipalitySet == call.MunicipalitySet).OrderBy(p => p.Id).ToListAsync();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.Set == call.MunicipalitySet).OrderBy(m => m.NisCode).Select(m => m.NisCode).ToListAsync();
        for (var i = existing.Count; i < Dossiers; i++)
        {
            var members = new[] { municipalities[(2 * i) % municipalities.Count].Value, municipalities[((2 * i) + 1) % municipalities.Count].Value };
            var created = await partnerships.CreateAsync(new PartnershipInput($"Bench regieverband {i + 1}", PartnershipKind.InterlocalAssociation.Code(), PartnershipStatus.Existing.Code(), members, members[0], null, $"Regisseur {i + 1}", $"regisseur{i + 1}@bench.test"));
            Check(created.Errors);
            existing.Add(created.Value!);
        }

        var dossiers = 0;
        foreach (var p in existing.Take(Dossiers))
        {
            var id = await applications.FindAsync(p.Id, call.Id) ?? Check(await applications.StartAsync(p.Id, call.Id)).Id;
            var application = (await applications.GetAsync(id))!;
            var demo = p.Name == DemoAccounts.ScheldelandName;
            var plan = Plan(demo ? PlanActions : 8, call.FirstYear, call.LastYear);
            using (var file = new MemoryStream(Encoding.UTF8.GetBytes(plan)))
            {
                Check(await applications.ImportPlanAsync(id, file, "bench.csv"));
            }

            if (!demo && application.Status == ApplicationStatus.Draft)
            {
                Check(await applications.UpdateInformationAsync(id, new InformationInput(true, "0316381039", "BE68539007547034", new ContactInput($"Regisseur {p.Id}", $"r{p.Id}@bench.test", null), new ContactInput($"Ondertekenaar {p.Id}", $"o{p.Id}@bench.test", null), false), application.InformationVersion));
                if (application.ExtendedUntil is null)
                {
                    Check(await reviews.GrantExtensionAsync(id, until, "Benchmarkgegevens (bench/wrk)"));
                }

                // Half are submitted, so the queue has dossiers of several statuses (an ineligible one stays a draft).
                if (dossiers % 2 == 0)
                {
                    await s.GetRequiredService<SubmissionService>().SubmitAsync(id);
                }
            }

            dossiers++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dossiers} dossiers; the demo dossier (Scheldeland) has {PlanActions} actions."));
        return 0;
    }

    /// <summary>A plan in BBC's layout with <paramref name="actions"/> actions over every priority and year.</summary>
    public static string Plan(int actions, int firstYear, int lastYear)
    {
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        var text = new StringBuilder("Beleidsdoelstelling;Actieplan;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code");
        foreach (var y in years)
        {
            text.Append(CultureInfo.InvariantCulture, $";Bedrag {y}");
        }

        text.Append('\n');
        for (var i = 0; i < actions; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Doelstelling {(i / 50) + 1};Actieplan {(i / 10) + 1};Actie {i + 1}: netwerking en opvolging;\"<p>Wat en waarom: actie {i + 1}.</p><ul><li>Rol van de regisseur: trekker</li><li>KPI: {i + 10} deelnemers</li></ul>\";Resultaat {i + 1};{Codes[i % 4]}");
            foreach (var _ in years)
            {
                text.Append(CultureInfo.InvariantCulture, $";{(i % 7) + 1}.500,00");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Check(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors.Select(e => e.Message.En)));
        }
    }

    private static T Check<T>(Result<T> result)
    {
        Check(result.Errors);
        return result.Value!;
    }
}
