using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Core.Reports;

namespace Regiekamer.Core.Grants;

/// <summary>What the demo grant cycle made.</summary>
public sealed record DemoGrantCycleSummary(int Partnerships, int Decrees, int PaymentsPaid, int Reports, int ReclaimId);

/// <summary>
/// The demo's grant cycle (issue 9, point 8), so that a newcomer sees every page filled: demo partnerships with an
/// approved application, a published allocation over them, a signed and published decree for each year of the
/// 2023-2025 call, payments through four eyes, annual reports (most accepted, one manifestly unclear then answered and
/// accepted, one refused as not used for its purpose, which stops the payments and decides a reclaim, partly paid
/// back) and a non-empty 360Giving export.
/// <para>
/// Everything goes through the real services, so the audit trail and the invariants hold. Those services refuse dates
/// in the future and dates after the call's period (a reclaim's due date, a payment's day), so the cycle runs on its
/// own clock that walks from January 2023 to April 2025 (Brussels time): each step is stamped with the day it plays on
/// in the demo's story, not with the day the demo was seeded. Department steps are taken by the demo case handler and
/// policy officer (four eyes needs two persons); the partnership's steps by the system (the seeder), since the demo
/// accounts of the partnerships belong to Scheldeland, whose draft dossier stays a draft to walk through
/// (<see cref="DemoDossier"/>). Decree numbers start with <see cref="DecreePrefix"/>, motivations with "Demo:".
/// </para>
/// Development only (Demo:GrantCycle with the demo accounts); idempotent: once the call has a decree, an allocation
/// run or a dossier of another demo partnership, nothing is added.
/// </summary>
public static class DemoGrantCycle
{
    public const string DecreePrefix = "DEMO-MB-";

    /// <summary>The demo's beneficiaries are the demo partnerships, Scheldeland excepted, that meet R1–R6; at most this many (the rest keep no dossier).</summary>
    public const int MaxPartnerships = 12;

    private static readonly string[] Priorities = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    /// <summary>Runs the cycle when the demo accounts exist and the call has no grants yet; returns what it made, or null when it did nothing.</summary>
    /// <param name="database">The database to seed.</param>
    /// <param name="configure">Registrations the caller adds to the services the cycle uses (the app's notification settings).</param>
    public static async Task<DemoGrantCycleSummary?> SeedAsync(DatabaseOptions database, Action<IServiceCollection>? configure = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = new DemoClock();
        var services = new ServiceCollection();
        services.AddRegiekamerCore(database);
        configure?.Invoke(services);
        services.AddSingleton<TimeProvider>(clock);
        await using var provider = services.BuildServiceProvider();
        var cycle = new Run(provider, clock);
        return await cycle.SeedAsync(ct);
    }

    /// <summary>A clock the cycle sets to each day of its story, at 10:00 in Brussels.</summary>
    private sealed class DemoClock : TimeProvider
    {
        private DateTimeOffset _now = new(2023, 1, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_now, BrusselsClock.Zone).DateTime);

        public void At(DateOnly day) =>
            _now = new DateTimeOffset(BrusselsClock.StartOfDayUtc(day).AddHours(10), TimeSpan.Zero);
    }

    private sealed class Run(IServiceProvider provider, DemoClock clock)
    {
        private Actor _caseHandler = Actor.System;
        private Actor _policyOfficer = Actor.System;

        public async Task<DemoGrantCycleSummary?> SeedAsync(CancellationToken ct)
        {
            int callId;
            List<int> candidates;
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegiekamerDb>();
                var call = await db.Calls.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(c => c.Code == OpenCall2023.Code, ct);
                var handler = await DepartmentActorAsync(db, Role.CaseHandler, ct);
                var officer = await DepartmentActorAsync(db, Role.PolicyOfficer, ct);
                if (call is null || handler is null || officer is null)
                {
                    return null;
                }

                callId = call.Id;
                _caseHandler = handler;
                _policyOfficer = officer;
                var versions = await db.CallVersions.AsNoTracking().Where(v => v.CallId == callId).Select(v => v.Id).ToListAsync(ct);
                var others = await db.Partnerships.AsNoTracking().Where(p => p.IsDemo && p.Name != DemoAccounts.ScheldelandName).Select(p => p.Id).ToListAsync(ct);
                if (others.Count == 0
                    || await db.Decrees.AnyAsync(d => d.CallId == callId, ct)
                    || await db.AllocationRuns.AnyAsync(r => versions.Contains(r.CallVersionId), ct)
                    || await db.Applications.AnyAsync(a => a.CallId == callId && others.Contains(a.PartnershipId), ct))
                {
                    return null;
                }

                // R1–R6 on the deadline: only partnerships that could have applied get a dossier. And only those without a
                // member in a 2025 merger: their job seekers are estimated shares, and an allocation on estimates cannot be
                // published (R13) until official figures on the 2019 municipalities are imported.
                var merged = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2019 && m.Merged2025).Select(m => m.NisCode).ToListAsync(ct)).ToHashSet();
                var evaluation = Check(await scope.ServiceProvider.GetRequiredService<CallEvaluationService>().EvaluateAsync(callId, new DateOnly(2023, 1, 15), ct));
                candidates = evaluation.Partnerships
                    .Where(p => others.Contains(p.Partnership.Id) && p.Result.Eligible && !p.Partnership.Members.Any(m => merged.Contains(m.NisCode)))
                    .OrderBy(p => p.Partnership.Name, StringComparer.Ordinal)
                    .Select(p => p.Partnership.Id)
                    .Take(MaxPartnerships)
                    .ToList();
            }

            if (candidates.Count < 5)
            {
                // The story needs five beneficiaries (accepted, clarified, refused, awaiting evaluation, awaiting approval).
                return null;
            }

            // January 2023: each dossier complete (the manual's annex as its plan) and submitted before the deadline.
            clock.At(new DateOnly(2023, 1, 10));
            var dossiers = new List<int>();
            foreach (var partnershipId in candidates)
            {
                dossiers.Add(await As(Actor.System, s => SubmittedDossierAsync(s, partnershipId, callId, ct)));
            }

            clock.At(new DateOnly(2023, 2, 21));
            foreach (var id in dossiers)
            {
                await As(_caseHandler, async s => Check(await s.GetRequiredService<ReviewService>().DecideAsync(id, new DecisionInput("approve", "Demo: aanvraag volledig, subsidiabel (R1–R6) en het meerjarenplan dekt elke prioriteit elk jaar (R10)."), ct)));
            }

            // April 2023: the allocation over the approved applications (R13), published.
            clock.At(new DateOnly(2023, 4, 14));
            var runId = await As(_policyOfficer, async s =>
            {
                var allocation = s.GetRequiredService<AllocationService>();
                var run = Check(await allocation.CreateRunAsync(callId, new DateOnly(2023, 1, 15), ct));
                Check(await allocation.PublishAsync(run.Id, ct));
                return run.Id;
            });

            var refused = candidates[1];
            var clarified = candidates[2];
            var awaitingEvaluation = candidates[3];
            var awaitingApproval = candidates[4];
            var paid = 0;

            // 2023: the decree, and its payment to everyone.
            await DecreeAsync(runId, 2023, new DateOnly(2023, 4, 20), ct);
            paid += await PayAsync(callId, 2023, new DateOnly(2023, 5, 15), except: [], leaveProposed: null, ct);

            // 2024: the decree and its payment, then the 2023 reports.
            await DecreeAsync(runId, 2024, new DateOnly(2024, 2, 15), ct);
            paid += await PayAsync(callId, 2024, new DateOnly(2024, 3, 11), except: [], leaveProposed: null, ct);
            clock.At(new DateOnly(2024, 3, 25));
            var reports2023 = new Dictionary<int, AnnualReport>();
            foreach (var partnershipId in candidates)
            {
                reports2023[partnershipId] = await As(Actor.System, s => SubmittedReportAsync(s, partnershipId, callId, 2023, ct));
            }

            clock.At(new DateOnly(2024, 4, 22));
            foreach (var (partnershipId, report) in reports2023)
            {
                var evaluation = partnershipId == clarified
                    ? new ReportEvaluationInput("clarify", "Demo: het verslag is kennelijk onduidelijk (R16): zeg per actie wat de regisseur deed en wat het opleverde.", clock.Today.AddDays(30), AllSufficient("Nog niet te beoordelen: de resultaten ontbreken."))
                    : partnershipId == refused
                        ? new ReportEvaluationInput("refuse", "Demo: ook na toelichting blijkt niet dat de geplande acties werden uitgevoerd; de subsidie werd niet aangewend voor het doel (R16).", Priorities: [.. AllSufficient(null).Take(2), new("WSE-LR3", false, "Demo: geen enkele actie rond ondernemerschap uitgevoerd."), new("WSE-LR4", false, "Demo: geen samenwerking met de VDAB aangetoond.")])
                        : new ReportEvaluationInput("accept", "Demo: voldoende; de acties en hun resultaten zijn duidelijk beschreven.", Priorities: AllSufficient(null));
                await EvaluateAsync(report.Id, evaluation, ct);
            }

            // The refusal decided a reclaim of everything paid: claimed; the clarification answered (an action's results
            // written out, submitted again) and accepted; then part of the reclaim paid back.
            var reclaim = await As(_policyOfficer, async s =>
            {
                var reclaims = s.GetRequiredService<ReclaimService>();
                var decided = (await reclaims.ListAsync(callId, refused, ct)).Single();
                clock.At(new DateOnly(2024, 5, 2));
                return Check(await reclaims.ClaimAsync(decided.Id, clock.Today, decided.Version, ct));
            });

            clock.At(new DateOnly(2024, 5, 13));
            var answered = await As(Actor.System, async s =>
            {
                var reports = s.GetRequiredService<ReportService>();
                var report = (await reports.GetAsync(reports2023[clarified].Id, ct))!;
                var action = report.Actions.OrderBy(a => a.Position).First();
                Check(await reports.UpdateActionAsync(report.Id, action.Id, new ReportedActionInput(action.ShortDescription, action.LongDescription, "Demo: toelichting na de vraag om verduidelijking: drie netwerkmomenten met 42 deelnemers; de omgevingsanalyse is gedeeld met alle partners.", action.Code, "carried-out", null, null), action.Version, ct));
                return Check(await reports.SubmitAsync(report.Id, (await reports.GetAsync(report.Id, ct))!.Version, ct));
            });
            clock.At(new DateOnly(2024, 5, 27));
            await EvaluateAsync(answered.Id, new ReportEvaluationInput("accept", "Demo: de toelichting maakt duidelijk wat er werd uitgevoerd; voldoende.", Priorities: AllSufficient(null)), ct);

            clock.At(new DateOnly(2024, 6, 14));
            await As(_policyOfficer, async s =>
            {
                var half = new Money(reclaim.Open.Cents / 2);
                return Check(await s.GetRequiredService<ReclaimService>().RepayAsync(reclaim.Id, clock.Today, half.ToInvariantString(), "DEMO-TERUGBETALING-1", reclaim.Version, ct));
            });

            // 2025: the decree, its payment (stopped for the refused partnership, one still awaiting approval), the 2024 reports.
            await DecreeAsync(runId, 2025, new DateOnly(2025, 2, 14), ct);
            paid += await PayAsync(callId, 2025, new DateOnly(2025, 3, 10), except: [refused], leaveProposed: awaitingApproval, ct);
            clock.At(new DateOnly(2025, 3, 31));
            var reports2024 = new Dictionary<int, AnnualReport>();
            foreach (var partnershipId in candidates.Where(p => p != refused))
            {
                reports2024[partnershipId] = await As(Actor.System, s => SubmittedReportAsync(s, partnershipId, callId, 2024, ct));
            }

            clock.At(new DateOnly(2025, 4, 28));
            foreach (var (partnershipId, report) in reports2024.Where(r => r.Key != awaitingEvaluation))
            {
                await EvaluateAsync(report.Id, new ReportEvaluationInput("accept", "Demo: voldoende; de acties en hun resultaten zijn duidelijk beschreven.", Priorities: AllSufficient(null)), ct);
            }

            return new DemoGrantCycleSummary(candidates.Count, 3, paid, reports2023.Count + reports2024.Count, reclaim.Id);
        }

        private static List<PriorityEvaluationInput> AllSufficient(string? remark) =>
            Priorities.Select(p => new PriorityEvaluationInput(p, true, remark)).ToList();

        private static async Task<Actor?> DepartmentActorAsync(RegiekamerDb db, Role role, CancellationToken ct)
        {
            var email = DemoAccounts.All.First(a => a.Role == role).Email;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
            return user is null ? null : new Actor(user.Id, email, role.ToString());
        }

        private async Task<T> As<T>(Actor actor, Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
            return await work(scope.ServiceProvider);
        }

        private static async Task<int> SubmittedDossierAsync(IServiceProvider s, int partnershipId, int callId, CancellationToken ct)
        {
            var applications = s.GetRequiredService<ApplicationService>();
            var started = Check(await applications.StartAsync(partnershipId, callId, ct));
            var info = new InformationInput(
                true,
                DemoKbo(partnershipId),
                DemoIban(partnershipId),
                new ContactInput("Demo regisseur", $"regisseur.{partnershipId}@regiekamer.demo", null),
                new ContactInput("Demo ondertekenaar", $"ondertekenaar.{partnershipId}@regiekamer.demo", null),
                false);
            Check(await applications.UpdateInformationAsync(started.Id, info, started.InformationVersion, ct));
            await using (var plan = DemoDossier.AnnexPlan())
            {
                Check(await applications.ImportPlanAsync(started.Id, plan, "bijlage-handleiding-2023-2025.csv", ct));
            }

            Check(await s.GetRequiredService<SubmissionService>().SubmitAsync(started.Id, null, ct));
            return started.Id;
        }

        private async Task DecreeAsync(int runId, int year, DateOnly on, CancellationToken ct)
        {
            clock.At(on);
            await As(_policyOfficer, async s =>
            {
                var decrees = s.GetRequiredService<DecreeService>();
                var drafted = Check(await decrees.DraftAsync(new DecreeDraftInput(runId, year, string.Create(CultureInfo.InvariantCulture, $"{DecreePrefix}{year}-0001"), on), ct));
                var signed = Check(await decrees.SignAsync(drafted.Id, drafted.Version, ct));
                return Check(await decrees.PublishAsync(signed.Id, signed.Version, ct));
            });
        }

        /// <summary>The year's payments: proposed by the policy officer, approved, ordered and booked paid by the case handler (four eyes), a few days apart.</summary>
        private async Task<int> PayAsync(int callId, int year, DateOnly proposedOn, IReadOnlyCollection<int> except, int? leaveProposed, CancellationToken ct)
        {
            clock.At(proposedOn);
            var due = await As(_policyOfficer, async s =>
            {
                var payments = s.GetRequiredService<PaymentService>();
                var planned = (await payments.ListAsync(callId, year: year, status: PaymentStatus.Planned, ct: ct)).Select(p => p.Payment).Where(p => !except.Contains(p.PartnershipId)).OrderBy(p => p.Id).ToList();
                var proposed = new List<Payment>();
                foreach (var payment in planned)
                {
                    proposed.Add(Check(await payments.ActAsync(payment.Id, new PaymentStep("propose", payment.Version), ct)));
                }

                return proposed;
            });
            var toPay = due.Where(p => p.PartnershipId != leaveProposed).ToList();
            clock.At(proposedOn.AddDays(1));
            var ordered = await As(_caseHandler, async s =>
            {
                var payments = s.GetRequiredService<PaymentService>();
                var list = new List<Payment>();
                foreach (var payment in toPay)
                {
                    var approved = Check(await payments.ActAsync(payment.Id, new PaymentStep("approve", payment.Version), ct));
                    list.Add(Check(await payments.ActAsync(payment.Id, new PaymentStep("order", approved.Version), ct)));
                }

                return list;
            });
            clock.At(proposedOn.AddDays(4));
            return await As(_caseHandler, async s =>
            {
                var payments = s.GetRequiredService<PaymentService>();
                foreach (var payment in ordered)
                {
                    var reference = string.Create(CultureInfo.InvariantCulture, $"DEMO-{year}-{payment.Id:D5}");
                    Check(await payments.ActAsync(payment.Id, new PaymentStep("mark-paid", payment.Version, proposedOn.AddDays(3), reference), ct));
                }

                return ordered.Count;
            });
        }

        private static async Task<AnnualReport> SubmittedReportAsync(IServiceProvider s, int partnershipId, int callId, int year, CancellationToken ct)
        {
            var reports = s.GetRequiredService<ReportService>();
            var report = Check(await reports.StartAsync(partnershipId, callId, year, ct));
            return Check(await reports.SubmitAsync(report.Id, report.Version, ct));
        }

        private async Task EvaluateAsync(int reportId, ReportEvaluationInput input, CancellationToken ct) =>
            await As(_caseHandler, async s =>
            {
                var reports = s.GetRequiredService<ReportService>();
                var report = (await reports.GetAsync(reportId, ct))!;
                return Check(await reports.EvaluateAsync(reportId, input, report.Version, ct));
            });
    }

    /// <summary>A made-up enterprise number with a valid checksum, from the partnership's id: "0999.xxx.xxx" (demo data, not a real beneficiary).</summary>
    public static string DemoKbo(int partnershipId)
    {
        var first8 = 9_990_000L + partnershipId;
        var check = 97 - (first8 % 97);
        return string.Create(CultureInfo.InvariantCulture, $"0{first8:D7}{check:D2}");
    }

    /// <summary>A made-up Belgian account with valid check digits, from the partnership's id (demo data).</summary>
    public static string DemoIban(int partnershipId)
    {
        var first10 = 9_990_000_000L + partnershipId;
        var check = first10 % 97 == 0 ? 97 : first10 % 97;
        var bban = string.Create(CultureInfo.InvariantCulture, $"{first10:D10}{check:D2}");

        // ISO 13616: BBAN + "BE00" as digits (B=11, E=14), mod 97; check digits are 98 minus it.
        var digits = bban + "111400";
        var mod = 0;
        foreach (var c in digits)
        {
            mod = ((mod * 10) + (c - '0')) % 97;
        }

        return string.Create(CultureInfo.InvariantCulture, $"BE{98 - mod:D2}{bban}");
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException("The demo grant cycle could not be made: " + string.Join(" ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message.En}")));
}
