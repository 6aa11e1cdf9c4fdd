using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Kbo;

// Keep Data/Migrations/20261216120000_Kbo.cs in step (SchemaDriftTests).

/// <summary>
/// The KBO tables (ADR 0012). Every data row carries the id of the <see cref="KboSnapshot"/> it was loaded for; only the
/// snapshot in force is read, so an import loads beside it and switches by flipping one row. The data tables have no
/// key of their own (they are only written in bulk and read by number), and no foreign key, which would slow the bulk load.
/// </summary>
public static class KboModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<KboSnapshot> KboSnapshots => db.Set<KboSnapshot>();

        public DbSet<KboEnterprise> KboEnterprises => db.Set<KboEnterprise>();

        public DbSet<KboDenomination> KboDenominations => db.Set<KboDenomination>();

        public DbSet<KboAddress> KboAddresses => db.Set<KboAddress>();

        public DbSet<KboActivity> KboActivities => db.Set<KboActivity>();

        public DbSet<KboCode> KboCodes => db.Set<KboCode>();
    }
}

/// <summary>An enterprise of enterprise.csv.</summary>
public sealed class KboEnterprise
{
    public int SnapshotId { get; set; }

    /// <summary>Ten digits.</summary>
    public string Number { get; set; } = "";

    public bool Active { get; set; }

    public bool NaturalPerson { get; set; }

    public string? JuridicalFormCode { get; set; }
}

/// <summary>A name (type 001) of denomination.csv, in one language.</summary>
public sealed class KboDenomination
{
    public int SnapshotId { get; set; }

    public string Number { get; set; } = "";

    /// <summary>KBO's language code: 0 unknown, 1 French, 2 Dutch, 3 German, 4 English.</summary>
    public string Language { get; set; } = "";

    public string Name { get; set; } = "";
}

/// <summary>A registered office (REGO, not struck off) of address.csv.</summary>
public sealed class KboAddress
{
    public int SnapshotId { get; set; }

    public string Number { get; set; } = "";

    /// <summary>Empty for a Belgian address.</summary>
    public string? Country { get; set; }

    public string? Zipcode { get; set; }

    public string? Municipality { get; set; }

    public string? Street { get; set; }

    public string? HouseNumber { get; set; }

    public string? Box { get; set; }
}

/// <summary>A main activity (MAIN) of activity.csv, NACE 2008 or 2025.</summary>
public sealed class KboActivity
{
    public int SnapshotId { get; set; }

    public string Number { get; set; } = "";

    public int NaceVersion { get; set; }

    public string NaceCode { get; set; } = "";
}

/// <summary>A Dutch label of code.csv: juridical forms and NACE codes.</summary>
public sealed class KboCode
{
    public int SnapshotId { get; set; }

    /// <summary>JuridicalForm, Nace2008 or Nace2025.</summary>
    public string Category { get; set; } = "";

    public string Code { get; set; } = "";

    public string Description { get; set; } = "";
}

internal sealed class KboSnapshotConfiguration : IEntityTypeConfiguration<KboSnapshot>
{
    public void Configure(EntityTypeBuilder<KboSnapshot> b)
    {
        b.ToTable("KboSnapshots");
        b.HasIndex(s => s.Status);
        b.Property(s => s.Source).HasMaxLength(300);
        b.Property(s => s.RequestedBy).HasMaxLength(200);
        b.Property(s => s.UploadPath).HasMaxLength(1000);
        b.Property(s => s.CurrentFile).HasMaxLength(100);
        b.Property(s => s.ErrorNl).HasMaxLength(2000);
        b.Property(s => s.ErrorEn).HasMaxLength(2000);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class KboEnterpriseConfiguration : IEntityTypeConfiguration<KboEnterprise>
{
    public void Configure(EntityTypeBuilder<KboEnterprise> b)
    {
        b.ToTable("KboEnterprises");
        b.HasKey(e => new { e.SnapshotId, e.Number });
        b.Property(e => e.Number).HasMaxLength(10);
        b.Property(e => e.JuridicalFormCode).HasMaxLength(10);
    }
}

internal sealed class KboDenominationConfiguration : IEntityTypeConfiguration<KboDenomination>
{
    public void Configure(EntityTypeBuilder<KboDenomination> b)
    {
        b.ToTable("KboDenominations");
        b.HasNoKey();
        b.HasIndex(d => new { d.SnapshotId, d.Number });
        b.Property(d => d.Number).HasMaxLength(10);
        b.Property(d => d.Language).HasMaxLength(2);
        b.Property(d => d.Name).HasMaxLength(400);
    }
}

internal sealed class KboAddressConfiguration : IEntityTypeConfiguration<KboAddress>
{
    public void Configure(EntityTypeBuilder<KboAddress> b)
    {
        b.ToTable("KboAddresses");
        b.HasNoKey();
        b.HasIndex(a => new { a.SnapshotId, a.Number });
        b.Property(a => a.Number).HasMaxLength(10);
        b.Property(a => a.Country).HasMaxLength(100);
        b.Property(a => a.Zipcode).HasMaxLength(20);
        b.Property(a => a.Municipality).HasMaxLength(200);
        b.Property(a => a.Street).HasMaxLength(200);
        b.Property(a => a.HouseNumber).HasMaxLength(40);
        b.Property(a => a.Box).HasMaxLength(40);
    }
}

internal sealed class KboActivityConfiguration : IEntityTypeConfiguration<KboActivity>
{
    public void Configure(EntityTypeBuilder<KboActivity> b)
    {
        b.ToTable("KboActivities");
        b.HasNoKey();
        b.HasIndex(a => new { a.SnapshotId, a.Number });
        b.Property(a => a.Number).HasMaxLength(10);
        b.Property(a => a.NaceCode).HasMaxLength(10);
    }
}

internal sealed class KboCodeConfiguration : IEntityTypeConfiguration<KboCode>
{
    public void Configure(EntityTypeBuilder<KboCode> b)
    {
        b.ToTable("KboCodes");
        b.HasKey(c => new { c.SnapshotId, c.Category, c.Code });
        b.Property(c => c.Category).HasMaxLength(40);
        b.Property(c => c.Code).HasMaxLength(20);
        b.Property(c => c.Description).HasMaxLength(500);
    }
}
