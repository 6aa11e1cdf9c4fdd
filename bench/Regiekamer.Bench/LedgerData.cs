using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// The ledger issue 9's page target is measured on (bench/wrk/run.sh): the latest call with 40 beneficiaries × 3 years
/// × 4 payments per line, written into the running app's database through the real services, as the department
/// would: <c>dotnet run -c Release --project bench/Regiekamer.Bench -- seed-ledger "Data Source=…"</c>.
/// <list type="number">
/// <item>Beneficiaries: the call's partnerships that are eligible (R1–R6) and whose job-seeker figures are official
/// (a run on estimates cannot be published, R13), then new partnerships named "Bench grootboek …" over municipalities
/// in no partnership (consecutive in NIS order within one reference region, at least 60,000 inhabitants, official
/// job-seeker figures), until there are 40.</item>
/// <item>Each one's dossier completed where it lacks something (information form, a plan of 8 actions, commitment
/// statements, an R8 extension), submitted, and approved by the demo case handler.</item>
/// <item>An allocation run over the approved applications, published; a decree per year 2023–2025 drafted from it and
/// signed by the demo policy officer, which plans one payment per line (the call's schedule: 100 % after the decree).</item>
/// <item>Four payments per line: the planned one made a quarter of the grant and three more planned for the other
/// quarters (the last takes the cents left over). The officer proposes; the case handler approves, orders and books
/// them paid (four eyes). 2023 and 2024: all four paid. 2025: two paid, one ordered (in payment), one planned.</item>
/// <item>Every tenth beneficiary: an R16 stop after 2025's second payment, and a reclaim of what was paid for 2025,
/// claimed and half paid back.</item>
/// </list>
/// So the ledger has 120 lines (40 × 2023–2025) and 480 payments: 400 paid, 36 ordered (in payment), 44 planned; 4
/// beneficiaries stopped, with 4 reclaims half paid back; it reconciles (the command prints its totals). Benchmark
/// data, not demo data. Run it after <c>seed-dossiers</c> and after measuring the pages that do not show grants: it
/// approves 40 dossiers and publishes an allocation over them, which changes the allocation's basis, the review
/// queue and what the partnerships' pages show.
/// </summary>
public static class LedgerData
{
    public const int Beneficiaries = 40;

    public const int PaymentsPerLine = 4;

    private const string Why = "Benchmarkgegevens (bench/wrk seed-ledger)";

    public static async Task<int> SeedAsync(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegiekamerCore(new DatabaseOptions(DatabaseProvider.Sqlite, connection));
        await using var provider = services.BuildServiceProvider();
        var seeder = new Seeder(provider);
        Console.WriteLine(await seeder.RunAsync());
        return 0;
    }

    private sealed class Seeder(IServiceProvider provider)
    {
        private Actor _officer = Actor.System;
        private Actor _caseHandler = Actor.System;

        public async Task<string> RunAsync()
        {
            _officer = await DemoActorAsync("beleid@regiekamer.demo", Role.PolicyOfficer);
            _caseHandler = await DemoActorAsync("dossier@regiekamer.demo", Role.CaseHandler);
            var call = await InAsync(Actor.System, s => s.GetRequiredService<CallService>().LatestAsync())
                ?? throw new InvalidOperationException("No call: start the app (it migrates and seeds) first.");
            if (await InAsync(Actor.System, s => s.GetRequiredService<RegiekamerDb>().Decrees.AnyAsync(d => d.CallId == call.Id)))
            {
                throw new InvalidOperationException($"Call {call.Code} has decrees already: seed-ledger starts from a call without any.");
            }

            var on = await InAsync(Actor.System, s => s.GetRequiredService<CallService>().JudgementDateAsync(call.Id, null));
            var beneficiaries = await BeneficiariesAsync(call, on);
            foreach (var partnership in beneficiaries)
            {
                await ApproveAsync(partnership, call);
            }

            var run = await InAsync(_officer, async s =>
            {
                var allocation = s.GetRequiredService<AllocationService>();
                var created = Check(await allocation.CreateRunAsync(call.Id, on));
                return Check(await allocation.PublishAsync(created.Id));
            });
            var lines = await InAsync(Actor.System, s => s.GetRequiredService<RegiekamerDb>().AllocationLines.CountAsync(l => l.AllocationRunId == run.Id));
            if (lines != Beneficiaries)
            {
                throw new InvalidOperationException($"The allocation run has {lines} lines, not {Beneficiaries}: another partnership of the call has an approved application.");
            }

            var stopped = beneficiaries.Where((_, i) => (i + 1) % 10 == 0).Select(p => p.Id).ToHashSet();
            for (var year = call.FirstYear; year <= call.LastYear; year++)
            {
                await DecreeAndPayAsync(run, year, call.LastYear, stopped);
            }

            foreach (var partnershipId in stopped)
            {
                await StopAndReclaimAsync(call, partnershipId);
            }

            return await SummaryAsync(call.Id);
        }

        /// <summary>The 40: eligible partnerships with official figures first, then new ones over municipalities in no partnership.</summary>
        private async Task<List<Partnership>> BeneficiariesAsync(Call call, DateOnly on)
        {
            var evaluation = Check(await InAsync(Actor.System, s => s.GetRequiredService<CallEvaluationService>().EvaluateAsync(call.Id, on)));
            var snapshot = evaluation.Snapshot;
            if (snapshot.InhabitantsDataset.IsEstimate || snapshot.JobSeekersDataset.IsEstimate)
            {
                throw new InvalidOperationException("The call's reference data are estimates: no allocation over them can be published (R13).");
            }

            bool Official(IEnumerable<NisCode> members) => members.All(m => snapshot.JobSeekerEstimate(m) is null);
            var chosen = evaluation.Partnerships
                .Where(p => p.Result.Eligible && Official(p.Partnership.Members.Select(m => m.NisCode)))
                .Select(p => p.Partnership)
                .OrderBy(p => p.Id)
                .Take(Beneficiaries)
                .ToList();

            var taken = evaluation.Partnerships.SelectMany(p => p.Partnership.Members.Select(m => m.NisCode)).ToHashSet();
            var free = snapshot.Municipalities
                .Where(m => !taken.Contains(m.NisCode) && snapshot.JobSeekerEstimate(m.NisCode) is null && snapshot.Region(m.NisCode) is not null && snapshot.Inhabitants(m.NisCode) is not null)
                .GroupBy(m => snapshot.Region(m.NisCode)!.RegionCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            var groups = new List<List<Municipality>>();
            foreach (var region in free)
            {
                var group = new List<Municipality>();
                long inhabitants = 0;
                foreach (var m in region.OrderBy(m => m.NisCode))
                {
                    group.Add(m);
                    inhabitants += snapshot.Inhabitants(m.NisCode)!.Value;
                    if (group.Count >= 2 && inhabitants >= 60_000)
                    {
                        groups.Add(group);
                        group = [];
                        inhabitants = 0;
                    }
                }
            }

            var n = 0;
            foreach (var group in groups.Take(Beneficiaries - chosen.Count))
            {
                n++;
                var members = group.Select(m => m.NisCode.Value).ToList();
                var created = await InAsync(_officer, s => s.GetRequiredService<PartnershipService>().CreateAsync(new PartnershipInput(
                    $"Bench grootboek {n}", PartnershipKind.InterlocalAssociation.Code(), PartnershipStatus.Existing.Code(), members, members[0], null, $"Regisseur grootboek {n}", $"grootboek{n}@bench.test")));
                chosen.Add(Check(created));
            }

            if (chosen.Count < Beneficiaries)
            {
                throw new InvalidOperationException($"Only {chosen.Count} eligible beneficiaries could be found or made, not {Beneficiaries}.");
            }

            return chosen;
        }

        /// <summary>Completes what the dossier lacks, submits it and approves it (the demo case handler).</summary>
        private async Task ApproveAsync(Partnership partnership, Call call)
        {
            await InAsync(_caseHandler, async s =>
            {
                var applications = s.GetRequiredService<ApplicationService>();
                var id = await applications.FindAsync(partnership.Id, call.Id) ?? Check(await applications.StartAsync(partnership.Id, call.Id)).Id;
                var a = (await applications.GetAsync(id))!;
                if (a.Status is ApplicationStatus.Draft or ApplicationStatus.ChangesRequested)
                {
                    if (a.BeneficiaryKbo is null || a.Iban is null || a.SignatoryName is null)
                    {
                        Check(await applications.UpdateInformationAsync(id, new InformationInput(true, "0316381039", "BE68539007547034", new ContactInput($"Regisseur {partnership.Id}", $"r{partnership.Id}@bench.test", null), new ContactInput($"Ondertekenaar {partnership.Id}", $"o{partnership.Id}@bench.test", null), false), a.InformationVersion));
                    }

                    if (a.Actions.Count == 0)
                    {
                        using var file = new MemoryStream(Encoding.UTF8.GetBytes(DossierData.Plan(8, call.FirstYear, call.LastYear)));
                        Check(await applications.ImportPlanAsync(id, file, "bench.csv"));
                    }

                    var full = await s.GetRequiredService<PartnershipService>().GetAsync(partnership.Id);
                    if (DossierCheck.NeedsCommitment(full!))
                    {
                        foreach (var member in full!.Members.Where(m => a.Commitments.All(c => c.NisCode != m.NisCode)))
                        {
                            using var pdf = new MemoryStream(Encoding.ASCII.GetBytes($"%PDF-1.4\n% verbintenis {member.NisCode.Value}\n%%EOF\n"));
                            Check(await applications.AddAttachmentAsync(id, AttachmentKind.CommitmentStatement, $"verbintenis-{member.NisCode.Value}.pdf", pdf, member.NisCode.Value, new DateOnly(call.FirstYear - 1, 12, 1)));
                        }
                    }

                    if (a.ExtendedUntil is null)
                    {
                        Check(await s.GetRequiredService<ReviewService>().GrantExtensionAsync(id, s.GetRequiredService<BrusselsClock>().Today.AddYears(1), Why));
                    }

                    Check(await s.GetRequiredService<SubmissionService>().SubmitAsync(id));
                }

                if ((await applications.GetAsync(id))!.Status != ApplicationStatus.Approved)
                {
                    Check(await s.GetRequiredService<ReviewService>().DecideAsync(id, new DecisionInput("approve", Why)));
                }

                return id;
            });
        }

        /// <summary>The year's decree, signed; then four payments per line, taken as far as the year says.</summary>
        private async Task DecreeAndPayAsync(AllocationRun run, int year, int lastYear, HashSet<int> stopped)
        {
            var decreeDate = new DateOnly(year, 4, 20);
            var decree = await InAsync(_officer, async s =>
            {
                var decrees = s.GetRequiredService<DecreeService>();
                var drafted = Check(await decrees.DraftAsync(new DecreeDraftInput(run.Id, year, $"MB-BENCH-{year}-0001", decreeDate)));
                Check(await decrees.SignAsync(drafted.Id, drafted.Version));
                return (await decrees.GetAsync(drafted.Id))!;
            });

            var dates = new[] { decreeDate.AddDays(DecreeService.FirstPaymentAfterDays), new DateOnly(year, 7, 1), new DateOnly(year, 10, 1), new DateOnly(year + 1, 1, 15) };
            foreach (var line in decree.Lines)
            {
                var parts = Quarters(line.Amount);
                var ids = await InAsync(_officer, async s =>
                {
                    var payments = s.GetRequiredService<PaymentService>();
                    var planned = (await payments.ListAsync(decree.CallId, line.PartnershipId, year: year)).Select(v => v.Payment).OrderBy(p => p.Id).ToList();
                    if (planned.Count > PaymentsPerLine)
                    {
                        throw new InvalidOperationException($"Signing planned {planned.Count} payments for {line.BeneficiaryName}.");
                    }

                    for (var i = 0; i < planned.Count; i++)
                    {
                        Check(await payments.RescheduleAsync(planned[i].Id, dates[i], parts[i].ToInvariantString(), planned[i].Version));
                    }

                    var ids = planned.Select(p => p.Id).ToList();
                    for (var i = planned.Count; i < PaymentsPerLine; i++)
                    {
                        ids.Add(Check(await payments.PlanAsync(new PaymentInput(line.Id, dates[i], parts[i].ToInvariantString()))).Id);
                    }

                    return ids;
                });

                // 2023-2024 paid in full; the last year two paid, one ordered, one planned; a beneficiary to be stopped stops after two.
                var last = year == lastYear;
                for (var i = 0; i < PaymentsPerLine; i++)
                {
                    var until = !last ? PaymentAction.MarkPaid : i < 2 ? PaymentAction.MarkPaid : i == 2 && !stopped.Contains(line.PartnershipId) ? PaymentAction.Order : (PaymentAction?)null;
                    if (until is { } step)
                    {
                        await PayAsync(ids[i], dates[i], step);
                    }
                }
            }
        }

        /// <summary>Proposed by the officer; approved, ordered and (up to <paramref name="until"/>) booked paid by the case handler.</summary>
        private async Task PayAsync(int paymentId, DateOnly paidOn, PaymentAction until)
        {
            var version = await InAsync(_officer, async s =>
            {
                var payments = s.GetRequiredService<PaymentService>();
                var p = (await payments.GetAsync(paymentId))!.Payment;
                return Check(await payments.ActAsync(paymentId, new PaymentStep("propose", p.Version))).Version;
            });
            await InAsync(_caseHandler, async s =>
            {
                var payments = s.GetRequiredService<PaymentService>();
                var v = Check(await payments.ActAsync(paymentId, new PaymentStep("approve", version))).Version;
                v = Check(await payments.ActAsync(paymentId, new PaymentStep("order", v))).Version;
                if (until == PaymentAction.MarkPaid)
                {
                    var today = s.GetRequiredService<BrusselsClock>().Today;
                    Check(await payments.ActAsync(paymentId, new PaymentStep("mark-paid", v, paidOn < today ? paidOn : today, $"BANK-{paymentId}")));
                }

                return v;
            });
        }

        /// <summary>R16: no further payment; what was paid for the last year is reclaimed, claimed, and half of it paid back.</summary>
        private async Task StopAndReclaimAsync(Call call, int partnershipId)
        {
            var decided = new DateOnly(call.LastYear + 1, 6, 30);
            await InAsync(_officer, async s =>
            {
                Check(await s.GetRequiredService<PaymentService>().StopAsync(call.Id, partnershipId, decided, $"BVR-BENCH-{partnershipId}", "Subsidie niet aangewend voor het doel (R16); " + Why));
                var paidLastYear = (await s.GetRequiredService<PaymentService>().ListAsync(call.Id, partnershipId, PaymentStatus.Paid, call.LastYear)).Aggregate(Money.Zero, (sum, v) => sum + v.Payment.Amount);
                var reclaims = s.GetRequiredService<ReclaimService>();
                var reclaim = Check(await reclaims.DecideAsync(call.Id, new ReclaimInput(partnershipId, $"BVR-BENCH-{partnershipId}", decided, decided.AddDays(60), Why, paidLastYear.ToInvariantString())));
                reclaim = Check(await reclaims.ClaimAsync(reclaim.Id, decided.AddDays(1), reclaim.Version));
                return Check(await reclaims.RepayAsync(reclaim.Id, decided.AddDays(30), new Money(paidLastYear.Cents / 2).ToInvariantString(), $"TERUG-{partnershipId}", reclaim.Version));
            });
        }

        private async Task<string> SummaryAsync(int callId)
        {
            var ledger = Check(await InAsync(Actor.System, s => s.GetRequiredService<LedgerService>().ForCallAsync(callId)));
            if (!ledger.Ledger.Reconciles)
            {
                throw new InvalidOperationException("The seeded ledger does not reconcile: " + string.Join(" ", ledger.Ledger.Problems.Select(p => p.Message.En)));
            }

            var byStatus = await InAsync(Actor.System, async s => (await s.GetRequiredService<RegiekamerDb>().Payments.AsNoTracking().Where(p => p.CallId == callId).Select(p => p.Status).ToListAsync())
                .GroupBy(x => x).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.Code()}")).ToList());
            var t = ledger.Ledger.Totals;
            return string.Create(CultureInfo.InvariantCulture, $"Ledger of {ledger.Call.Code}: {ledger.Ledger.Lines.Count} lines ({ledger.Ledger.Lines.Select(l => l.PartnershipId).Distinct().Count()} beneficiaries × {ledger.Ledger.Years.Count} years); payments: {string.Join(", ", byStatus)}; granted EUR {t.Granted.ToInvariantString()}, paid EUR {t.Paid.ToInvariantString()}, in payment EUR {t.InProgress.ToInvariantString()}, stopped EUR {t.Stopped.ToInvariantString()}, reclaimed EUR {t.Reclaimed.ToInvariantString()}, paid back EUR {t.PaidBack.ToInvariantString()}; reconciles.");
        }

        /// <summary>Four parts of a grant: quarters to the cent, the last taking what is left.</summary>
        private static Money[] Quarters(Money amount)
        {
            var quarter = new Money(amount.Cents / PaymentsPerLine);
            return [quarter, quarter, quarter, amount - quarter - quarter - quarter];
        }

        private async Task<Actor> DemoActorAsync(string email, Role role)
        {
            var id = await InAsync(Actor.System, s => s.GetRequiredService<RegiekamerDb>().Users.AsNoTracking().Where(u => u.Email == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync())
                ?? throw new InvalidOperationException($"No demo account {email}: start the app in Development with Demo:Seed first.");
            return new Actor(id, email, role.ToString());
        }

        /// <summary>One unit of work in a scope of its own, as <paramref name="actor"/>.</summary>
        private async Task<T> InAsync<T>(Actor actor, Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
            return await work(scope.ServiceProvider);
        }
    }

    private static T Check<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message.En)));
        }

        return result.Value!;
    }
}
