using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Regiekamer.Core.Data;
using Regiekamer.Core.Data.Migrations;
using Regiekamer.Core.Mail;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Notifications.Jobs;
using Regiekamer.TestCommon;
using Xunit.Abstractions;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>
/// The scheduler on our own tables (migration 20261213130000_QuartzScheduler): it starts on a migrated database of each
/// kind and validates the schema there, the app's jobs run from it, and two schedulers clustered on one PostgreSQL
/// database run each firing exactly once.
/// </summary>
public sealed class QuartzSchedulerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Nodes = ["node-a", "node-b"];

    /// <summary>The migration runs Quartz's own scripts: our copies are those of the Quartz we reference (an upgrade that changes them needs a new migration).</summary>
    [Theory]
    [InlineData(QuartzScheduler.PostgresScript, "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")]
    [InlineData(QuartzScheduler.SqliteScript, "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql")]
    public void TheMigrationsScripts_AreThoseOfTheReferencedQuartz(string ours, string quartzs)
    {
        static string Read(System.Reflection.Assembly assembly, string name)
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().ReplaceLineEndings("\n");
        }

        Assert.Equal(Read(typeof(IScheduler).Assembly, quartzs), Read(typeof(QuartzScheduler).Assembly, ours));
        Assert.Equal("4.7.3", typeof(IScheduler).Assembly.GetName().Version!.ToString(3));
        Assert.Equal(15, QuartzScheduler.Statements(ours).Count(s => s.Contains("CREATE TABLE", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheScheduler_StartsOnAMigratedDatabase_WithItsSchemaValidated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        var factory = SchedulerFor(database, "node-a");
        var scheduler = await factory.GetScheduler();
        try
        {
            await scheduler.Start();
            var meta = await scheduler.GetMetadata();
            Assert.Equal(SchedulerStatus.Running, scheduler.Status);
            Assert.True(meta.JobStorePersistent);
            Assert.Equal(provider == DatabaseProvider.PostgreSql, meta.JobStoreClustered);
            Assert.Equal(SchedulerSetup.SchedulerName, meta.SchedulerName);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
            await DisposeAsync(factory);
        }

        // It wrote its state into our tables (on PostgreSQL the cluster's check-in).
        if (provider == DatabaseProvider.PostgreSql)
        {
            await using var db = database.NewDb();
            var instances = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
            Assert.Contains("node-a", instances);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheScheduler_WithoutItsTables_RefusesToStart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using (var db = database.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE QRTZ_FIRED_TRIGGERS");
        }

        var factory = SchedulerFor(database, "node-a");
        try
        {
            var refused = await Record.ExceptionAsync(async () => await (await factory.GetScheduler()).Start());
            Assert.NotNull(refused);
            output.WriteLine(refused.Message);
            Assert.Contains("FIRED_TRIGGERS", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await DisposeAsync(factory);
        }
    }

    /// <summary>
    /// The app's own registration (<see cref="SchedulerSetup.AddRegiekamerScheduler"/>) on a test database, whose
    /// services keep the test's clock for "today" while the scheduler fires on real time. At the first start both jobs
    /// fire: the reminder job makes the day's reminder, and the outbox job mails it. A restart (a new service provider)
    /// finds the triggers in the database and does not fire them again; a firing missed while the app was down is a
    /// misfire, and fires as soon as it is back.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheAppsJobs_RunFromTheScheduler_AndARestartNeitherRepeatsNorLosesAFiring(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mail = new RecordingMailSender();
        ServiceProvider Instance() => Reminders.Services(database, s =>
        {
            s.AddSingleton<IMailSender>(mail);
            s.AddSingleton(new MailSettings());
            s.AddRegiekamerScheduler(database.Options, instanceId: "node-a");
        });

        database.Time.At(new DateOnly(2023, 1, 14));
        long firstFiring;
        await using (var services = Instance())
        {
            Assert.IsType<FakeTimeProvider>(services.GetRequiredService<TimeProvider>());
            await services.CreatePartnershipAsync(p => p.Regisseur("Contact", "contact@regie.test"));
            var scheduler = await StartAsync(services);
            try
            {
                await Until(async () => (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Count == 1);
                await scheduler.TriggerJob(MailOutboxJob.Key); // the outbox's own first firing may have come before the reminder
                await Until(() => Task.FromResult(mail.Sent.Count > 0));
                Assert.Equal("contact@regie.test", Assert.Single(mail.Sent).To);
                Assert.Equal(TimeProvider.System, scheduler.TimeProvider);
                firstFiring = await PreviousFireTimeAsync(database, "reminders-hourly");
            }
            finally
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }

        // A restart: the hourly trigger is declared again, keeps its last firing, and does not fire now.
        await using (var services = Instance())
        {
            var scheduler = await StartAsync(services);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        Assert.Equal(firstFiring, await PreviousFireTimeAsync(database, "reminders-hourly"));

        // Down over its next firing (as if two hours passed): back up, it fires at once.
        await using (var db = database.NewDb())
        {
            var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2).UtcTicks;
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {0}, PREV_FIRE_TIME = {1} WHERE TRIGGER_NAME = 'reminders-hourly'", twoHoursAgo, twoHoursAgo - TimeSpan.FromHours(1).Ticks);
        }

        var other = await database.Services.CreatePartnershipAsync(p => p.Regisseur("Ander Contact", "ander@regie.test"));
        await using (var services = Instance())
        {
            var scheduler = await StartAsync(services);
            try
            {
                await Until(async () => (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Any(n => n.PartnershipId == other.Id));
            }
            finally
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }

        Assert.Equal(2, (await Reminders.StoredAsync(database, NotificationKind.DeadlineReminder)).Count);
    }

    private static async Task<IScheduler> StartAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredKeyedService<ISchedulerFactory>(SchedulerSetup.SchedulerName).GetScheduler();
        await scheduler.Start();
        return scheduler;
    }

    private static async Task<long> PreviousFireTimeAsync(TestDatabase database, string trigger)
    {
        await using var db = database.NewDb();
        return await db.Database.SqlQueryRaw<long>("SELECT PREV_FIRE_TIME AS \"Value\" FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = {0}", trigger).SingleAsync();
    }

    /// <summary>
    /// Two schedulers on one PostgreSQL database, clustered (two app instances): 20 triggers that each fire once. Every
    /// firing runs exactly once, whichever node takes it.
    /// </summary>
    [Fact]
    public async Task TwoClusteredSchedulers_OnOnePostgresDatabase_RunEachFiringExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, seed: false);
        var run = Guid.NewGuid().ToString("N");
        var factories = new[] { SchedulerFor(database, "node-a"), SchedulerFor(database, "node-b") };
        var schedulers = new List<IScheduler>();
        try
        {
            foreach (var factory in factories)
            {
                var scheduler = await factory.GetScheduler();
                await scheduler.Start();
                schedulers.Add(scheduler);
            }

            var job = JobBuilder.Create<CountingJob>().WithIdentity("counting", run).UsingJobData(CountingJob.RunKey, run).StoreDurably().Build();
            await schedulers[0].AddJob(job, new AddJobOptions());
            for (var i = 0; i < 20; i++)
            {
                var trigger = TriggerBuilder.Create().WithIdentity($"once-{i}", run).ForJob(job.Key).UsingJobData(CountingJob.FiringKey, $"once-{i}").StartNow().Build();
                await schedulers[i % 2].ScheduleJob(trigger);
            }

            await Until(() => Task.FromResult(CountingJob.Runs(run).Count >= 20));

            // Give a second run, if there were to be one, time to happen.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var runs = CountingJob.Runs(run);
            output.WriteLine(string.Join(", ", runs.GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()}")));
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"once-{i}").Order(StringComparer.Ordinal), runs.Select(r => r.Firing).Order(StringComparer.Ordinal));
            Assert.All(runs, r => Assert.Contains(r.Node, Nodes));
            Assert.True((await schedulers[0].GetMetadata()).JobStoreClustered);
        }
        finally
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }

            foreach (var factory in factories)
            {
                await DisposeAsync(factory);
            }
        }
    }

    /// <summary>A scheduler of our configuration (<see cref="SchedulerSetup.Configure"/>) on the test database, without the app's jobs.</summary>
    private static StandaloneSchedulerFactory SchedulerFor(TestDatabase database, string instanceId) =>
        QuartzSchedulerBuilder.Create(q => SchedulerSetup.Configure(q, database.Options, instanceId)).Build();

    private static ValueTask DisposeAsync(StandaloneSchedulerFactory factory) => factory.DisposeAsync();

    private static async Task Until(Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, $"Not done within {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Records each firing it runs, with the node it ran on.</summary>
    public sealed class CountingJob : IJob
    {
        public const string RunKey = "run";
        public const string FiringKey = "firing";

        private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Firing, string Node)>> All = new(StringComparer.Ordinal);

        public static IReadOnlyList<(string Firing, string Node)> Runs(string run) => All.TryGetValue(run, out var runs) ? runs.ToList() : [];

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            var data = context.MergedJobDataMap;
            All.GetOrAdd(data.GetString(RunKey)!, _ => new()).Enqueue((data.GetString(FiringKey)!, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }
}
