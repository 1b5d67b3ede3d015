using OpenTok.Refit.Emulator;

// dotnet run --project src/OpenTok.Refit.Emulator [-- --port 4510 --api-key … --api-secret … --archive-delay 5 --log]
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await EmulatorProgram.RunAsync(args, Console.Out, Console.Error, stop.Token);
