using System.Runtime.InteropServices;
using OpenTok.Refit.Emulator;

// dotnet run --project src/OpenTok.Refit.Emulator [-- --port 4510 --api-key … --api-secret … --archive-delay 5 --log]
using var stop = new CancellationTokenSource();

// SIGINT is Ctrl+C; SIGTERM is what kill, docker stop and CI runners send. The first one stops the emulator cleanly
// (exit code 0); should stopping hang, a second one is left to the default handling, which ends the process.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await EmulatorProgram.RunAsync(args, Console.Out, Console.Error, stop.Token);

void Stop(PosixSignalContext signal)
{
    signal.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}
