using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Regiekamer.Core.Data;
using Regiekamer.Core.Data.Migrations;

namespace Regiekamer.Core.Notifications.Jobs;

/// <summary>
/// The scheduler (ADR 0006, 0009): Quartz 4.7.3 with its persistent ADO.NET job store on our own database, in the tables
/// of the migration <see cref="QuartzScheduler"/>. On PostgreSQL every app instance runs a scheduler on those tables,
/// clustered: a trigger is taken under a row lock, so each firing runs on exactly one instance, and the firings of an
/// instance that died are recovered by another. On SQLite (one instance) the same store, unclustered. Triggers and
/// their next fire times live in the database, so a restart loses none; one missed while the app was down fires as
/// soon as it is back ("fire now").
/// </summary>
public static class SchedulerSetup
{
    /// <summary>The scheduler's name, the same on every instance: it is the key of the cluster's rows.</summary>
    public const string SchedulerName = "Regiekamer";

    /// <summary>The group of our jobs and triggers.</summary>
    public const string Group = "regiekamer";

    /// <summary>Registers the mail outbox (it needs an <see cref="Mail.IMailSender"/> and <see cref="Mail.MailSettings"/> from the host) and the scheduler with our jobs (reminders, mail outbox, KBO import).</summary>
    public static IServiceCollection AddRegiekamerScheduler(this IServiceCollection services, DatabaseOptions database, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<MailOutbox>();

        // A named scheduler: what it is given (its clock) is keyed to it, and the app's own TimeProvider stays as it is.
        services.AddQuartz(SchedulerName, q =>
        {
            Configure(q, database, instanceId);
            q.ScheduleJob<ReminderJob>(
                trigger => trigger.WithIdentity("reminders-hourly", Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(ReminderJob.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)),
                job => job.WithIdentity(ReminderJob.Key).RequestRecovery());
            q.ScheduleJob<MailOutboxJob>(
                trigger => trigger.WithIdentity("mail-outbox-minutely", Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(MailOutboxJob.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)),
                job => job.WithIdentity(MailOutboxJob.Key).RequestRecovery());
            q.ScheduleJob<Kbo.KboImportJob>(
                trigger => trigger.WithIdentity("kbo-import-minutely", Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(Kbo.KboImportJob.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)),
                job => job.WithIdentity(Kbo.KboImportJob.Key).RequestRecovery());

            // A trigger declared again at start replaces the stored one but keeps its firing history: a restart does
            // not fire the jobs again, and a firing missed while the app was down is a misfire, fired at once.
            q.ConfigureOptions<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        });
        return services;
    }

    /// <summary>The store, the cluster and the clock; also what tests use to start schedulers of their own on a test database.</summary>
    public static void Configure(IQuartzBuilder q, DatabaseOptions database, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(database);
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerName;
            if (instanceId is not null)
            {
                o.InstanceId = instanceId;
            }
        });

        // Firing times are wall-clock time, whatever clock the app's services get (tests give those a fake one; "today"
        // for the reminders comes from that clock, through BrusselsClock, not from Quartz).
        q.UseTimeProvider(TimeProvider.System);
        q.UseDefaultThreadPool(2);
        q.UsePersistentStore(store =>
        {
            store.UseSystemTextJsonSerializer();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                store.UsePostgres(database.ConnectionString);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(10);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
            }
            else
            {
                store.UseSqlite(database.ConnectionString);
            }

            // The tables come from our migration; the scheduler only checks them at start (never creates them).
            store.ConfigureStore(o =>
            {
                o.TablePrefix = QuartzScheduler.TablePrefix;
                o.SchemaProvisioning = SchemaProvisioning.Validate;
            });
        });
    }
}
