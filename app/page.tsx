export default function HomePage() {
  return <h1 className="text-xl font-semibold">Trainings</h1>;
}
